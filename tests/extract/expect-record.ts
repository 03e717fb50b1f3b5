/**
 * Whole-record comparisons against files under expected/: `UPDATE_EXPECTED=1 npx vitest run tests/extract`
 * rewrites them from what the extractor gives now, so that a change of output is reviewed as a diff of
 * those files, never as a hand edit of the test.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

export function expectSameAsFile(actual: unknown, path: string): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_EXPECTED === "1" || !existsSync(path)) {
    if (process.env.CI && !existsSync(path)) throw new Error(`${path} is missing: run UPDATE_EXPECTED=1 npx vitest run tests/extract and commit it`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return;
  }
  expect(text).toBe(readFileSync(path, "utf8"));
}
