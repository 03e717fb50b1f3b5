/**
 * Output names for `DIR/meetings/`: `<file name without extension>.json`. Archives
 * hold the same meeting in several renderings (`x.docx`, `x.pdf`) and the same file
 * name in several folders. Among files that share a name, the most faithful
 * rendering (FORMATS_BY_FIDELITY, then path order) keeps the plain name, so
 * `meetings/x.json` is always the record of "the" document x; the others keep their
 * extension (`x.pdf.json`), then add a short hash of their path when that collides too.
 */
import { createHash } from "node:crypto";
import { basename, extname, resolve } from "node:path";
import { FORMATS_BY_FIDELITY, type DocumentFormat } from "../model/meeting.js";

export interface OutputName {
  file: string;
  /** File name inside `meetings/`, with the `.json` extension. */
  name: string;
  /** True when the plain name collided and was changed. */
  disambiguated: boolean;
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  ".docx": "docx",
  ".md": "md",
  ".markdown": "md",
  ".txt": "txt",
  ".pdf": "pdf",
};

function stemOf(file: string): string {
  const name = basename(file);
  const extension = extname(name);
  return extension === "" ? name : name.slice(0, -extension.length);
}

/** Unknown extensions rank after every known format. */
function fidelityRank(file: string): number {
  const format = FORMAT_BY_EXTENSION[extname(file).toLowerCase()];
  return format === undefined ? FORMATS_BY_FIDELITY.length : FORMATS_BY_FIDELITY.indexOf(format);
}

function pathHash(file: string): string {
  return createHash("sha256").update(resolve(file)).digest("hex").slice(0, 8);
}

/** Names compared case-insensitively: the output folder may be on a case-insensitive file system. */
const fold = (name: string): string => name.normalize("NFC").toLowerCase();

export function assignOutputNames(files: readonly string[]): OutputName[] {
  const byStem = new Map<string, string[]>();
  for (const file of files) {
    const key = fold(stemOf(file));
    byStem.set(key, [...(byStem.get(key) ?? []), file]);
  }
  const names = new Map<string, OutputName>();
  const taken = new Set<string>();
  for (const group of byStem.values()) {
    const ordered = [...group].sort((a, b) => fidelityRank(a) - fidelityRank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const [first, ...rest] = ordered;
    names.set(first, { file: first, name: `${stemOf(first)}.json`, disambiguated: false });
    taken.add(fold(`${stemOf(first)}.json`));
    for (const file of rest) {
      const withExtension = `${basename(file)}.json`;
      const name = taken.has(fold(withExtension)) || byStem.has(fold(basename(file))) ? `${basename(file)}.${pathHash(file)}.json` : withExtension;
      taken.add(fold(name));
      names.set(file, { file, name, disambiguated: true });
    }
  }
  return files.map((file) => names.get(file)!);
}
