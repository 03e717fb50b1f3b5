/**
 * Where the installed package lives. Worker processes must load compiled code from
 * dist/ even when the caller runs from src/ (vitest), so paths are resolved from
 * the package root rather than from the calling module.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "minutes-tracker";

function findPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
      if (parsed.name === PACKAGE_NAME) return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
}

export const packageRoot: string = findPackageRoot();

export const packageVersion: string = (
  JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }
).version;

/** The compiled worker script; it exists once `npm run build` (or `npm ci`) has run. */
export function compiledWorkerPath(): string {
  const path = join(packageRoot, "dist", "batch", "worker.js");
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return path;
}
