/**
 * Turns the command line's INPUTS (files, folders, globs) into the list of files
 * to extract. Folders and globs pick only supported extensions and skip hidden
 * and editor temp files (`.x`, `~$x.docx`, `x~`), which archives are full of;
 * a file named explicitly is always taken, so a mislabelled file is reported
 * instead of silently ignored.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { extname, join, normalize, relative, sep } from "node:path";
import { SUPPORTED_EXTENSIONS } from "../ingest/formats.js";

export { SUPPORTED_EXTENSIONS };

export interface DiscoveryProblem {
  input: string;
  code: "unreadable" | "unsupported";
  reason: string;
}

/**
 * Documents that are minutes often enough but that no reader here reads. Found in a folder or
 * by a glob they are listed as unsupported, not passed over in silence: an archive of .doc
 * files would otherwise give an empty tracker and no word why.
 */
const UNSUPPORTED_DOCUMENTS: Record<string, string> = {
  ".doc": "a legacy Word document: save it as .docx",
  ".dot": "a legacy Word template: save it as .docx",
  ".odt": "an OpenDocument text: save it as .docx",
  ".rtf": "an RTF document: save it as .docx",
  ".html": "an HTML page: save it as .docx or .pdf",
  ".htm": "an HTML page: save it as .docx or .pdf",
  ".pages": "an Apple Pages document: export it as .docx or .pdf",
  ".wpd": "a WordPerfect document: save it as .docx",
};

function unsupportedReason(name: string): string | undefined {
  const extension = extname(name).toLowerCase();
  const what = UNSUPPORTED_DOCUMENTS[extension];
  return what === undefined ? undefined : `unsupported format (${extension}): ${what}`;
}

export interface Discovery {
  /** Unique paths in a stable order (sorted by code point), as the user would write them. */
  files: string[];
  /** Explicit inputs that could not be opened, folders that could not be listed, and documents of an unsupported format found in folders. */
  problems: DiscoveryProblem[];
  /** Globs and folders that yielded no file. */
  empty: string[];
}

function isSkippedName(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~") || name.endsWith("~") || name.endsWith(".tmp");
}

function isSupported(name: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase());
}

const GLOB_CHARACTERS = /[*?[{]/;

/** A glob segment or path to a RegExp: `*` and `?` stay inside a segment, `**` spans segments, `[...]` and `{a,b}` as in the shell. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let index = 0; index < glob.length; index += 1) {
    const character = glob[index];
    if (character === "*") {
      if (glob[index + 1] === "*") {
        const atSegmentEnd = glob[index + 2] === "/";
        source += atSegmentEnd ? "(?:[^/]*/)*" : ".*";
        index += atSegmentEnd ? 2 : 1;
      } else {
        source += "[^/]*";
      }
    } else if (character === "?") {
      source += "[^/]";
    } else if (character === "[") {
      const close = glob.indexOf("]", index + 2);
      if (close === -1) {
        source += "\\[";
      } else {
        const body = glob.slice(index + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        source += `[${body}]`;
        index = close;
      }
    } else if (character === "{") {
      const close = glob.indexOf("}", index);
      if (close === -1) {
        source += "\\{";
      } else {
        const alternatives = glob.slice(index + 1, close).split(",").map((part) => globToRegExp(part).source.slice(1, -1));
        source += `(?:${alternatives.join("|")})`;
        index = close;
      }
    } else {
      source += character.replace(/[.+^$()|\\\]}]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`, "u");
}

async function walk(
  folder: string,
  visit: (path: string, unsupported?: string) => void,
  problems: DiscoveryProblem[],
  seenFolders: Set<string>,
): Promise<void> {
  let real: string;
  try {
    real = await realpath(folder);
  } catch (error) {
    problems.push({ input: folder, code: "unreadable", reason: `cannot open folder (${(error as NodeJS.ErrnoException).code ?? error})` });
    return;
  }
  // A symbolic link back up the tree would otherwise walk forever.
  if (seenFolders.has(real)) return;
  seenFolders.add(real);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    problems.push({ input: folder, code: "unreadable", reason: `cannot list folder (${(error as NodeJS.ErrnoException).code ?? error})` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const path = join(folder, entry.name);
    let isFolder = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isFolder = (await stat(path)).isDirectory();
      } catch {
        // A dangling link named like a document is reported when it is read.
        isFolder = false;
      }
    }
    if (isFolder) await walk(path, visit, problems, seenFolders);
    else if ((entry.isFile() || entry.isSymbolicLink()) && isSupported(entry.name)) visit(path);
    else if (entry.isFile() || entry.isSymbolicLink()) {
      const unsupported = unsupportedReason(entry.name);
      if (unsupported !== undefined) visit(path, unsupported);
    }
  }
}

/** The part of a glob before its first wildcard segment, and the rest. */
function splitGlob(pattern: string): { base: string; rest: string } {
  const segments = pattern.split("/");
  const firstWild = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
  const baseSegments = segments.slice(0, firstWild);
  const base = baseSegments.length === 0 ? "." : baseSegments.join("/") || "/";
  return { base, rest: segments.slice(firstWild).join("/") };
}

export async function discoverInputs(inputs: readonly string[]): Promise<Discovery> {
  const found = new Set<string>();
  const problems: DiscoveryProblem[] = [];
  const unsupportedSeen = new Set<string>();
  const empty: string[] = [];
  for (const input of inputs) {
    // Per input: two inputs may name the same folder, and each must still be walked.
    const seenFolders = new Set<string>();
    const before = found.size;
    const unixInput = input.split(sep).join("/");
    const info = await stat(input).catch(() => undefined);
    if (info === undefined && !GLOB_CHARACTERS.test(unixInput)) {
      // An explicit file that cannot be opened is a failure of that file, reported when it is read.
      found.add(normalize(input));
      continue;
    }
    const visitFound = (path: string, unsupported?: string): void => {
      if (unsupported === undefined) found.add(path);
      else if (!unsupportedSeen.has(path)) {
        unsupportedSeen.add(path);
        problems.push({ input: path, code: "unsupported", reason: unsupported });
      }
    };
    if (info?.isDirectory()) {
      await walk(normalize(input), visitFound, problems, seenFolders);
    } else if (info) {
      found.add(normalize(input));
    } else {
      const { base, rest } = splitGlob(unixInput);
      const matcher = globToRegExp(rest);
      await walk(
        normalize(base),
        (path, unsupported) => {
          const relativePath = relative(base, path).split(sep).join("/");
          if (matcher.test(relativePath)) visitFound(path, unsupported);
        },
        problems,
        seenFolders,
      );
    }
    if (found.size === before && (info === undefined || info.isDirectory())) empty.push(input);
  }
  const files = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // A file named explicitly is read, whatever a folder walk thought of its name.
  return { files, problems: problems.filter((problem) => problem.code !== "unsupported" || !found.has(problem.input)), empty };
}
