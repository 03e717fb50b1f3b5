/**
 * The checks of eval/score.mjs (`scorePair`), in TypeScript: one named check per
 * gold fact, so a test can report the share of facts a record gets right and name
 * the ones it misses. Kept to the scorer's rules exactly (a commitment not found
 * fails each of its facts; "no invented commitments" counts only once something
 * was found), so the figures printed here are the ones score.mjs prints.
 */
import type { MeetingRecord } from "../src/model/meeting.js";
import { has, norm } from "./gold-compare.js";

export interface GoldCommitment {
  number: string | null;
  titleStartsWith?: string;
  textStartsWith?: string;
  status?: string;
  progress?: number | null;
  reportedBy?: string[];
  activities?: number;
}

export interface Gold {
  about?: string;
  meeting?: { language?: string; date?: string; chair?: string; agendaItems?: number };
  commitments?: GoldCommitment[];
  events?: { date: string; place: string }[];
  decisions?: { textContains: string; commitment?: string; date?: string }[];
}

export type Check = [name: string, ok: boolean];

export function scorePair(record: MeetingRecord, gold: Gold): Check[] {
  const checks: Check[] = [];
  const check = (name: string, ok: unknown): void => {
    checks.push([name, Boolean(ok)]);
  };
  const m = record.meeting;
  if (gold.meeting?.language) check("meeting.language", m.language === gold.meeting.language);
  if (gold.meeting?.chair) check("meeting.chair", has(m.chair, gold.meeting.chair));
  if (gold.meeting?.agendaItems != null) check("meeting.agenda", m.agenda.length === gold.meeting.agendaItems);
  if (gold.meeting?.date) check("meeting.date", m.date === gold.meeting.date);

  const recs = record.commitments;
  const used = new Set<number>();
  for (const g of gold.commitments ?? []) {
    const label = g.number ?? `(no number: ${g.textStartsWith?.slice(0, 24)})`;
    const i = recs.findIndex((c, k) => {
      if (used.has(k)) return false;
      if (g.number != null) return String(c.number ?? "") === g.number;
      const text = [c.title, ...c.notes, ...c.activities.map((a) => a.text)].join(" ");
      return c.number == null && has(text, g.textStartsWith ?? "");
    });
    check(`commitment ${label} found`, i >= 0);
    if (i >= 0) used.add(i);
    const found = i >= 0;
    const c = recs[i];
    if (g.titleStartsWith) check(`commitment ${label} title`, found && norm(c.title).startsWith(norm(g.titleStartsWith)));
    if (g.status) check(`commitment ${label} status`, found && c.status === g.status);
    if ("progress" in g) check(`commitment ${label} progress`, found && (c.progress ?? null) === g.progress);
    for (const who of g.reportedBy ?? []) check(`commitment ${label} reportedBy ${who}`, found && c.reportedBy.some((r) => has(r, who)));
    if (g.activities != null) check(`commitment ${label} activities`, found && c.activities.length === g.activities);
  }
  const extra = recs.length - used.size;
  if (used.size > 0) check(`no invented commitments (${extra} extra)`, extra === 0);

  for (const g of gold.events ?? []) check(`event ${g.date} ${g.place}`, record.events.some((e) => e.date === g.date && has(e.place, g.place)));
  for (const g of gold.decisions ?? [])
    check(
      `decision ${g.textContains}`,
      record.decisions.some(
        (d) => has(d.text, g.textContains) && (g.commitment == null || String(d.commitment ?? "") === g.commitment) && (g.date == null || d.date === g.date),
      ),
    );
  return checks;
}

/** The share of checks passed, 0 when there is none (as score.mjs prints it). */
export const shareOf = (checks: Check[]): number => (checks.length ? checks.filter(([, ok]) => ok).length / checks.length : 0);
