/**
 * Output names for `DIR/meetings/`: `<file name without extension>.json`. Archives
 * hold the same meeting in several renderings (`x.docx`, `x.pdf`) and the same
 * file name in several folders, so colliding names are made unique in a way that
 * depends only on each file's own path, never on which other files are present:
 * first by keeping the extension (`x.pdf.json`), then by a short hash of the path.
 */
import { createHash } from "node:crypto";
import { basename, extname, resolve } from "node:path";

export interface OutputName {
  file: string;
  /** File name inside `meetings/`, with the `.json` extension. */
  name: string;
  /** True when the plain name collided and was changed. */
  disambiguated: boolean;
}

function stemOf(file: string): string {
  const name = basename(file);
  const extension = extname(name);
  return extension === "" ? name : name.slice(0, -extension.length);
}

function pathHash(file: string): string {
  return createHash("sha256").update(resolve(file)).digest("hex").slice(0, 8);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Names compared case-insensitively: the output folder may be on a case-insensitive file system. */
const fold = (name: string): string => name.normalize("NFC").toLowerCase();

export function assignOutputNames(files: readonly string[]): OutputName[] {
  const byStem = groupBy(files, (file) => fold(stemOf(file)));
  const withExtension = groupBy(files, (file) => fold(basename(file)));
  return files.map((file) => {
    const stem = stemOf(file);
    if (byStem.get(fold(stem))!.length === 1) return { file, name: `${stem}.json`, disambiguated: false };
    const full = basename(file);
    if (withExtension.get(fold(full))!.length === 1 && !byStem.has(fold(full))) {
      return { file, name: `${full}.json`, disambiguated: true };
    }
    return { file, name: `${full}.${pathHash(file)}.json`, disambiguated: true };
  });
}
