/**
 * Rules added after the lead's held-out minutes of session 18 (a Kenya-style "MIN." numbered
 * record, a Moroccan French forum report), each on wordings those documents do not contain.
 * Each test builds a tiny Markdown document in code and reads it with the real reader.
 */
import { describe, expect, it } from "vitest";
import { DATE_WORDS } from "../src/extract/lexicon/index.js";
import { foldWithMap } from "../src/extract/match.js";
import { matchReferencedTitle } from "../src/extract/item-numbers.js";
import { sentences } from "../src/extract/text-helpers.js";
import { findDates } from "../src/text/dates.js";
import { record } from "./markdown-minutes.js";

describe("an item numbered by a word after its label", () => {
  it("takes the word's number, not the minutes' outline number", () => {
    expect(matchReferencedTitle(foldWithMap("3.2 Commitment Twelve: Open budgets"))).toMatchObject({ number: "12", title: "Open budgets" });
    expect(matchReferencedTitle(foldWithMap("5.1 Commitment Ninth – Citizen charters"))).toMatchObject({ number: "9", title: "Citizen charters" });
  });
  it("reads bold paragraphs so numbered, their rates after 'is at'", async () => {
    const r = await record(
      "**2.1 Commitment Three: Open contracting**\n\nMs Amina Yusuf reported that the portal is at 45% and on course.\n\n" +
        "**2.2 Commitment Four: Citizen budgets**\n\nThe commitment has been completed.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.progress])).toEqual([
      ["3", "Open contracting", 45],
      ["4", "Citizen budgets", null],
    ]);
  });
  it("does not take a count before a label for a number", async () => {
    const r = await record("## 3. Matters arising\n\nOne commitment was dropped and two commitments were merged.\n");
    expect(r.commitments).toEqual([]);
  });
});

describe("reference numbers that look like dates", () => {
  it("are no dates after their label, in each language", () => {
    const dates = (text: string) => findDates(foldWithMap(text).folded, DATE_WORDS).map((d) => d.date);
    expect(dates("MIN. 05/01/2024: OGP REGIONAL MEETING")).toEqual([]);
    expect(dates("Réf. 12/03/2024 du ministère")).toEqual([]);
    expect(dates("الكتاب رقم 12/03/2024")).toEqual([]);
    expect(dates("the workshop of 05/01/2024")).toEqual(["2024-01-05"]);
  });
  it("keep their label's full stop inside the sentence", () => {
    const ft = foldWithMap("MIN. 05/01/2024: Matters arising. Members noted the letter.");
    expect(sentences(ft).map((s) => ft.text.slice(ft.map[s.start], ft.map[s.end]).trim())).toEqual(["MIN. 05/01/2024: Matters arising.", "Members noted the letter."]);
  });
});

describe("a paragraph that discusses several commitments in turn", () => {
  it("gives each its own reporter", async () => {
    const r = await record(
      "| N° | Engagement | Statut |\n| --- | --- | --- |\n| 1 | Portail de la participation | En cours |\n| 2 | Données budgétaires | Non entamé |\n\n" +
        "Concernant l'engagement 1, M. Karim Alaoui a indiqué que le portail est en cours de test. " +
        "S'agissant de l'engagement 2, Mme Salma Idrissi a expliqué que les travaux n'ont pas encore commencé.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.reportedBy])).toEqual([
      ["1", ["Karim Alaoui"]],
      ["2", ["Salma Idrissi"]],
    ]);
  });
});

describe("the chair marked in the attendance list", () => {
  it("reads '(Chairing)' and '(Presiding)'", async () => {
    const r = await record("**PRESENT**\n\n1. Mr. Peter Otieno – Ministry of ICT (Presiding)\n2. Ms. Jane Wairimu – Mzalendo Trust\n\n## 1. Preliminaries\n\nThe meeting opened at 10 a.m.\n");
    expect(r.meeting.chair).toBe("Peter Otieno");
  });
});
