/**
 * What the last run's tracker files were made from. The tracker is a pure function
 * of the records (each identified by its cache key: content, file name, date, pipeline
 * version) and the failures, and its writers are deterministic, so when a re-run
 * finds the same inputs and the files still as written, rebuilding them would give
 * the same bytes: they are kept instead. That is what makes re-running over an
 * unchanged archive cheap; any new, changed or removed file rebuilds them.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic.js";

export const MANIFEST_NAME = ".minutes-run.json";

export interface RunManifest {
  /** Digest of everything the tracker files depend on. */
  inputs: string;
  /** sha256 of each file written at the end, by name. */
  outputs: Record<string, string>;
}

export function inputsDigest(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

export const digestOf = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

/** The names of the outputs when they were made from `inputs` and are unchanged on disk, else undefined. */
export async function reusableOutputs(out: string, inputs: string): Promise<string[] | undefined> {
  let manifest: RunManifest;
  try {
    manifest = JSON.parse(await readFile(join(out, MANIFEST_NAME), "utf8")) as RunManifest;
  } catch {
    return undefined;
  }
  if (manifest.inputs !== inputs || typeof manifest.outputs !== "object" || manifest.outputs === null) return undefined;
  const names = Object.keys(manifest.outputs);
  for (const name of names) {
    const bytes = await readFile(join(out, name)).catch(() => undefined);
    if (bytes === undefined || digestOf(bytes) !== manifest.outputs[name]) return undefined;
  }
  return names;
}

/** Writes to `path` what the end-of-run files (`digests`: sha256 by name) were made from. */
export async function writeManifest(path: string, inputs: string, digests: Record<string, string>): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify({ inputs, outputs: digests } satisfies RunManifest, null, 2)}\n`);
}
