/**
 * Creating the output folder, and saying in words why a write failed. Node's recursive mkdir
 * is not used: under a read-only folder it reports ENOENT (which reads as "no such folder"),
 * and on /proc it never settles. Creating one missing level at a time gives each level's
 * real error.
 */
import { access, constants, mkdir, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

const REASONS: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a file is in the way of the folder",
  EEXIST: "a file is in the way of the folder",
  ENOENT: "no such folder",
  // Not the system's: mkdir said ENOENT though the parent exists (/proc, /sys).
  CANNOT_CREATE: "no folder can be created there",
  EIO: "input/output error",
};

/** A file-system error in words: "the disk is full (ENOSPC)". */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && code in REASONS) return code.startsWith("E") ? `${REASONS[code]} (${code})` : REASONS[code];
  if (code !== undefined) return code;
  return error instanceof Error ? error.message : String(error);
}

/** Creates `folder` and its missing parents, and checks it can be written; throws the first real error. */
export async function makeWritableFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  let existing = resolve(folder);
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return undefined;
      throw error;
    });
    if (info !== undefined) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${existing} is not a folder`), { code: "ENOTDIR" });
      break;
    }
    const parent = dirname(existing);
    if (parent === existing) break;
    missing.unshift(existing);
    existing = parent;
  }
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return;
      throw error.code === "ENOENT" ? Object.assign(new Error(`cannot create ${level}`), { code: "CANNOT_CREATE", cause: error }) : error;
    });
  }
  await access(folder, constants.W_OK);
}
