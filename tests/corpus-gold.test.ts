/**
 * Every rendering of every fixture that has a gold file (fixtures/**\/*.gold.json),
 * scored with the checks of eval/score.mjs. The Tunisian corpus must stay whole
 * (1.0); every other rendering must score at least its floor in corpus-floors.json,
 * so an improvement can raise a floor and a regression fails. `UPDATE_FLOORS=1`
 * rewrites the floors file with today's scores, raising floors only.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractMeeting } from "../src/index.js";
import type { MeetingRecord } from "../src/model/meeting.js";
import { type Check, type Gold, scorePair, shareOf } from "./score-gold.js";

const FIXTURES = "fixtures";
const FLOORS_FILE = "tests/corpus-floors.json";
/** The committee whose three meetings the product was built on: every fact of every rendering. */
const WHOLE = "fixtures/ogp-tunisia/";
const RENDERINGS = ["txt", "md", "docx", "pdf"];

const golds = (readdirSync(FIXTURES, { recursive: true }) as string[])
  .map((f) => join(FIXTURES, f).split("\\").join("/"))
  .filter((f) => f.endsWith(".gold.json") && !f.endsWith("/series.gold.json"))
  .sort();
const renderings = golds.flatMap((gold) => {
  const base = gold.slice(0, -".gold.json".length);
  return RENDERINGS.filter((ext) => existsSync(`${base}.${ext}`)).map((ext) => ({ path: `${base}.${ext}`, gold }));
});

/** A floor is a score rounded down to two decimals, so a rerun never fails on the third. */
const floorOf = (score: number): number => Math.floor(score * 100 + 1e-9) / 100;
const floors: Record<string, number> = existsSync(FLOORS_FILE) ? JSON.parse(readFileSync(FLOORS_FILE, "utf8")) : {};

const checks = new Map<string, Check[]>();

beforeAll(async () => {
  for (const r of renderings) {
    const record: MeetingRecord = await extractMeeting(r.path);
    checks.set(r.path, scorePair(record, JSON.parse(readFileSync(r.gold, "utf8")) as Gold));
  }
}, 600_000);

afterAll(() => {
  const rows = renderings
    .filter((r) => checks.has(r.path))
    .map((r) => ({ path: r.path, checks: checks.get(r.path)! }))
    .sort((a, b) => shareOf(a.checks) - shareOf(b.checks) || a.path.localeCompare(b.path));
  const lines = rows.map(({ path, checks: c }) => `${shareOf(c).toFixed(3)}  ${String(c.filter(([, ok]) => ok).length).padStart(3)}/${String(c.length).padEnd(3)}  ${path}`);
  console.log(`corpus scores (worst first):\n${lines.join("\n")}`);
  if (process.env.UPDATE_FLOORS) {
    const next = { ...floors };
    for (const { path, checks: c } of rows) if (!path.startsWith(WHOLE)) next[path] = Math.max(next[path] ?? 0, floorOf(shareOf(c)));
    const sorted = Object.fromEntries(Object.keys(next).sort().map((k) => [k, next[k]]));
    writeFileSync(FLOORS_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
    console.log(`${FLOORS_FILE} updated`);
  }
});

describe("corpus renderings against their gold facts", () => {
  it("finds the gold files of the three corpora", () => {
    for (const dir of ["fixtures/ogp-tunisia/", "fixtures/real/", "fixtures/written/"]) expect(golds.some((g) => g.startsWith(dir))).toBe(true);
    expect(renderings.length).toBeGreaterThanOrEqual(golds.length);
  });

  for (const r of renderings) {
    if (r.path.startsWith(WHOLE)) {
      it(`${r.path} finds every gold fact`, () => {
        expect(checks.get(r.path)!.filter(([, ok]) => !ok).map(([name]) => name)).toEqual([]);
      });
    } else {
      it(`${r.path} scores at least its floor`, () => {
        const score = shareOf(checks.get(r.path)!);
        const floor = floors[r.path];
        if (floor === undefined && process.env.UPDATE_FLOORS) return;
        expect(floor, `no floor for ${r.path} in ${FLOORS_FILE}: run UPDATE_FLOORS=1 npx vitest run tests/corpus-gold.test.ts`).toBeTypeOf("number");
        expect(score).toBeGreaterThanOrEqual(floor);
      });
    }
  }

  it("every floor names a rendering that still exists", () => {
    const known = new Set(renderings.map((r) => r.path));
    expect(Object.keys(floors).filter((path) => !known.has(path))).toEqual([]);
  });
});
