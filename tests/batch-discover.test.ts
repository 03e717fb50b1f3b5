/** Which files a batch takes from files, folders and globs, and the record names it gives them. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { discoverInputs, globToRegExp } from "../src/batch/discover.js";
import { assignOutputNames } from "../src/batch/names.js";

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "minutes-discover-"));
  const files = [
    "2022/a.docx",
    "2022/b.pdf",
    "2022/notes.html",
    "2022/~$a.docx",
    "2022/.hidden.docx",
    "2022/backup.docx~",
    "2023/deep/c.txt",
    "2023/deep/d.md",
    "2023/e.DOCX",
    "top.docx",
  ];
  for (const file of files) {
    await mkdir(join(root, file, ".."), { recursive: true });
    await writeFile(join(root, file), "x");
  }
  // A link back up the tree must not make the walk endless.
  await symlink(root, join(root, "2023", "deep", "loop"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const relative = (files: string[]) => files.map((file) => file.slice(root.length + 1)).sort();

describe("discoverInputs", () => {
  test("a folder is searched recursively for supported files, skipping hidden and temp files; a document of a format no reader reads is listed", async () => {
    const found = await discoverInputs([root]);
    expect(relative(found.files)).toEqual(["2022/a.docx", "2022/b.pdf", "2023/deep/c.txt", "2023/deep/d.md", "2023/e.DOCX", "top.docx"]);
    expect(found.problems).toEqual([
      { input: join(root, "2022", "notes.html"), code: "unsupported", reason: "unsupported format (.html): an HTML page: save it as .docx or .pdf" },
    ]);
  });

  test("globs: *, **, ? and {a,b}", async () => {
    expect(relative((await discoverInputs([join(root, "*.docx")])).files)).toEqual(["top.docx"]);
    expect(relative((await discoverInputs([join(root, "**/*.docx")])).files)).toEqual(["2022/a.docx", "top.docx"]);
    expect(relative((await discoverInputs([join(root, "202?/*.{pdf,DOCX}")])).files)).toEqual(["2022/b.pdf", "2023/e.DOCX"]);
    const none = await discoverInputs([join(root, "*.odt")]);
    expect(none.files).toEqual([]);
    expect(none.empty).toEqual([join(root, "*.odt")]);
  });

  test("a file named explicitly is taken whatever its name; inputs that overlap give each file once", async () => {
    const found = await discoverInputs([join(root, "2022", "notes.html"), join(root, "2022"), join(root, "2022", "a.docx"), join(root, "missing.docx")]);
    expect(relative(found.files)).toEqual(["2022/a.docx", "2022/b.pdf", "2022/notes.html", "missing.docx"]);
    expect(found.problems).toEqual([]);
  });

  test("globToRegExp keeps * inside a path segment", () => {
    expect(globToRegExp("*.docx").test("a.docx")).toBe(true);
    expect(globToRegExp("*.docx").test("x/a.docx")).toBe(false);
    expect(globToRegExp("**/*.docx").test("x/y/a.docx")).toBe(true);
    expect(globToRegExp("[ab].pdf").test("b.pdf")).toBe(true);
    expect(globToRegExp("[!ab].pdf").test("b.pdf")).toBe(false);
    expect(globToRegExp("a+b (1).pdf").test("a+b (1).pdf")).toBe(true);
  });
});

describe("assignOutputNames", () => {
  test("the most faithful rendering keeps the plain name; other renderings keep their extension; repeats get a path hash", () => {
    const names = assignOutputNames(["x/minutes.pdf", "x/minutes.docx", "y/minutes.pdf", "x/other.docx", "x/notes.txt"]);
    expect(names.map((name) => name.name)).toEqual([
      "minutes.pdf.json",
      "minutes.json",
      expect.stringMatching(/^minutes\.pdf\.[0-9a-f]{8}\.json$/),
      "other.json",
      "notes.json",
    ]);
    expect(names.map((name) => name.disambiguated)).toEqual([true, false, true, false, false]);
    // The same files in another order get the same names.
    const reordered = assignOutputNames(["y/minutes.pdf", "x/notes.txt", "x/other.docx", "x/minutes.docx", "x/minutes.pdf"]);
    expect(new Map(reordered.map((n) => [n.file, n.name]))).toEqual(new Map(names.map((n) => [n.file, n.name])));
  });

  test("names differing only in case collide, as on a case-insensitive disk", () => {
    const names = assignOutputNames(["a/Minutes.docx", "b/minutes.docx"]);
    expect(names[0].name).toBe("Minutes.json");
    expect(names[1].name).toBe("minutes.docx.json");
  });
});
