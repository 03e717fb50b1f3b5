/**
 * The corpus: every rendering of every meeting yields every fact of its gold file,
 * the Word and PDF renderings of a meeting give the same commitments, and no text
 * of a commitment table or section is lost.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { flatten } from "../src/extract/blocks.js";
import { extractCommitments } from "../src/extract/layouts/index.js";
import { COMMITMENT_HEADING, LABELS } from "../src/extract/lexicon/index.js";
import { foldWithMap } from "../src/extract/match.js";
import { extractRecord } from "../src/extract/index.js";
import { readDocument } from "../src/ingest/index.js";
import type { DocumentTree } from "../src/ingest/tree.js";
import type { MeetingRecord } from "../src/model/meeting.js";
import { has, norm } from "./gold-compare.js";

const DIR = "fixtures/ogp-tunisia";

interface GoldCommitment {
  number: string | null;
  titleStartsWith?: string;
  textStartsWith?: string;
  status?: string;
  progress?: number | null;
  reportedBy?: string[];
  activities?: number;
}
interface Gold {
  meeting: { language?: string; date?: string; chair?: string; agendaItems?: number };
  commitments: GoldCommitment[];
  events?: { date: string; place: string }[];
  decisions?: { textContains: string; commitment?: string; date?: string }[];
}


/** Every gold fact the record misses, named. */
function missedFacts(record: MeetingRecord, gold: Gold): string[] {
  const missed: string[] = [];
  const check = (name: string, ok: boolean): void => {
    if (!ok) missed.push(name);
  };
  const m = record.meeting;
  if (gold.meeting.language) check("language", m.language === gold.meeting.language);
  if (gold.meeting.date) check("date", m.date === gold.meeting.date);
  if (gold.meeting.chair) check("chair", has(m.chair, gold.meeting.chair));
  if (gold.meeting.agendaItems !== undefined) check("agenda", m.agenda.length === gold.meeting.agendaItems);
  const used = new Set<number>();
  for (const g of gold.commitments) {
    const label = g.number ?? `unnumbered ${g.textStartsWith}`;
    const i = record.commitments.findIndex((c, k) => {
      if (used.has(k)) return false;
      if (g.number !== null) return c.number === g.number;
      const text = [c.title, ...c.notes, ...c.activities.map((a) => a.text)].join(" ");
      return c.number === null && has(text, g.textStartsWith ?? "");
    });
    check(`commitment ${label} found`, i >= 0);
    if (i < 0) continue;
    used.add(i);
    const c = record.commitments[i];
    if (g.titleStartsWith) check(`commitment ${label} title`, norm(c.title).startsWith(norm(g.titleStartsWith)));
    if (g.status) check(`commitment ${label} status ${c.status}`, c.status === g.status);
    if ("progress" in g) check(`commitment ${label} progress ${c.progress}`, c.progress === g.progress);
    for (const who of g.reportedBy ?? []) check(`commitment ${label} reportedBy ${who}`, c.reportedBy.some((r) => has(r, who)));
    if (g.activities !== undefined) check(`commitment ${label} activities ${c.activities.length}`, c.activities.length === g.activities);
  }
  check(`no invented commitments (${record.commitments.length - used.size} extra)`, record.commitments.length === used.size);
  for (const g of gold.events ?? []) check(`event ${g.date} ${g.place}`, record.events.some((e) => e.date === g.date && has(e.place, g.place)));
  for (const g of gold.decisions ?? [])
    check(
      `decision ${g.textContains}`,
      record.decisions.some(
        (d) => has(d.text, g.textContains) && (g.commitment === undefined || d.commitment === g.commitment) && (g.date === undefined || d.date === g.date),
      ),
    );
  return missed;
}

const meetings = readdirSync(DIR)
  .filter((f) => f.endsWith(".gold.json") && f !== "series.gold.json")
  .map((f) => f.replace(/\.gold\.json$/, ""));
const renderings = meetings.flatMap((meeting) =>
  ["txt", "docx", "pdf", "md"].filter((ext) => readdirSync(DIR).includes(`${meeting}.${ext}`)).map((ext) => ({ meeting, ext, path: `${DIR}/${meeting}.${ext}` })),
);

const documents = new Map<string, DocumentTree>();
const records = new Map<string, MeetingRecord>();

beforeAll(async () => {
  for (const r of renderings) {
    const bytes = new Uint8Array(readFileSync(r.path));
    const doc = await readDocument(r.path, bytes);
    documents.set(r.path, doc);
    records.set(r.path, extractRecord(doc, { sha256: createHash("sha256").update(bytes).digest("hex") }));
  }
});

describe("corpus renderings against their gold facts", () => {
  it("covers all three meetings in at least two renderings each", () => {
    expect(meetings).toHaveLength(3);
    for (const meeting of meetings) expect(renderings.filter((r) => r.meeting === meeting).length).toBeGreaterThanOrEqual(2);
  });

  for (const r of renderings) {
    it(`${r.meeting}.${r.ext} finds every gold fact`, () => {
      const gold = JSON.parse(readFileSync(`${DIR}/${r.meeting}.gold.json`, "utf8")) as Gold;
      expect(missedFacts(records.get(r.path)!, gold)).toEqual([]);
    });
  }

  for (const meeting of meetings) {
    it(`${meeting}: the .docx and the .pdf give the same commitments`, () => {
      const key = (ext: string) =>
        records.get(`${DIR}/${meeting}.${ext}`)!.commitments.map((c) => ({ number: c.number, status: c.status, progress: c.progress, title: norm(c.title) }));
      expect(key("pdf")).toEqual(key("docx"));
    });
  }
});

const madeFixtures = readdirSync("fixtures/extract")
  .filter((f) => /\.(docx|md|txt|pdf)$/.test(f))
  .map((f) => ({ meeting: f.replace(/\.[^.]+$/, ""), ext: f.split(".").pop()!, path: `fixtures/extract/${f}` }));

beforeAll(async () => {
  for (const r of madeFixtures) {
    const bytes = new Uint8Array(readFileSync(r.path));
    const doc = await readDocument(r.path, bytes);
    documents.set(r.path, doc);
    records.set(r.path, extractRecord(doc, { sha256: createHash("sha256").update(bytes).digest("hex") }));
  }
});

describe("nothing lost", () => {
  for (const r of [...renderings, ...madeFixtures]) {
    it(`${r.meeting}.${r.ext}: every paragraph of a commitment table or section lands in the record`, () => {
      const doc = documents.get(r.path)!;
      const record = records.get(r.path)!;
      const flat = flatten(doc.tree);
      const { region } = extractCommitments(flat, doc.path);
      const words = (s: string): string[] => norm(foldWithMap(s).folded).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
      const haystack = new Set(
        [
          ...record.commitments.flatMap((c) => [c.title, c.statusLabel ?? "", String(c.progress), ...c.notes, ...c.activities.map((a) => a.text), ...c.reportedBy]),
          ...record.warnings.map((w) => w.message),
          ...record.events.flatMap((e) => [e.title, e.place ?? "", ...e.participants]),
        ].flatMap(words),
      );
      const inCommitmentTable = new Set(
        flat.tables.filter((t) => t.rows.some((row) => row.cells.some((c) => c.blocks.some((b) => region.has(b.index))))).flatMap((t) => {
          const header = t.rows[0];
          // The header row (and its repetition on later pages) names the columns: structure, not content.
          return t.rows.filter((row) => row !== header && row.cells.map((c) => norm(c.text)).join("|") !== header.cells.map((c) => norm(c.text)).join("|"));
        }).flatMap((row) => row.cells.flatMap((c) => c.blocks)),
      );
      const checked = flat.blocks.filter((b) => inCommitmentTable.has(b) || (b.cell === null && region.has(b.index)));
      expect(checked.length).toBeGreaterThan(3);
      // Structure is not content: the "تعهد عدد 10:" before a title and the "Statut :" before a value.
      const content = (text: string): string => {
        const folded = foldWithMap(text).folded;
        const heading = COMMITMENT_HEADING.exec(folded);
        return (heading?.groups ? heading.groups.rest : folded).replace(LABELS, " ");
      };
      const lost = checked.filter((b) => words(content(b.ft.text)).some((w) => !haystack.has(w))).map((b) => b.ft.text);
      expect(lost).toEqual([]);
    });
  }
});
