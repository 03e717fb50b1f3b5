/**
 * The rules added after the second field test, each on variants the field documents do not
 * contain (other languages, other wordings), so that they are known to hold beyond them.
 * Each test builds a tiny Markdown document in code and reads it with the real reader.
 */
import { describe, expect, it } from "vitest";
import type { MeetingRecord } from "../src/model/meeting.js";
import { record } from "./markdown-minutes.js";

const brief = (r: MeetingRecord) => r.commitments.map((c) => ({ number: c.number, title: c.title, status: c.status, progress: c.progress }));

describe("commitments numbered by their section marker", () => {
  it("reads 'أولا: الالتزام المتعلق بـ…' with the lead dropped from the title", async () => {
    const r = await record(
      "## أولا: الالتزام المتعلق بنشر الميزانيات\n\nهذا الالتزام منجز بالكامل.\n\n## ثانيا: الالتزام الخاص بالبيانات المفتوحة\n\nالحالة: قيد التنفيذ\n",
    );
    expect(brief(r)).toEqual([
      { number: "1", title: "نشر الميزانيات", status: "completed", progress: null },
      { number: "2", title: "البيانات المفتوحة", status: "in_progress", progress: null },
    ]);
  });
  it("reads English and French markers, with an article and a lead", async () => {
    const en = await record("## Firstly: the commitment on open budgets\n\nStatus: Complete\n\n## Secondly: the commitment relating to open data\n\nStatus: Limited\n");
    expect(brief(en).map((c) => [c.number, c.title, c.status])).toEqual([
      ["1", "open budgets", "completed"],
      ["2", "open data", "in_progress"],
    ]);
    const fr = await record("## Premièrement : l'engagement relatif aux données ouvertes\n\nStatut : en cours\n");
    expect(brief(fr).map((c) => [c.number, c.title, c.status])).toEqual([["1", "données ouvertes", "in_progress"]]);
  });
  it("takes no section that is not a commitment, and a commitment's own number over its marker's", async () => {
    const r = await record("## أولا: افتتاح الجلسة\n\nافتتح السيد علي الجلسة.\n\n## ثانيا: الالتزام رقم 7: نشر العقود\n\nالحالة: منجز\n");
    expect(brief(r)).toEqual([{ number: "7", title: "نشر العقود", status: "completed", progress: null }]);
  });
});

describe("status and figure stated in prose about the commitment itself", () => {
  it("takes the status of a sentence naming the commitment, in any language", async () => {
    const r = await record("## Commitment 4 – Open data\n\nThe ministry wrote to us. This commitment is delayed because of the budget.\n");
    expect(brief(r)).toEqual([{ number: "4", title: "Open data", status: "in_progress", progress: null }]);
  });
  it("reads a figure achieved in part as partially completed, one where the work stands as in progress", async () => {
    const achieved = await record("## Engagement 2 : Budget citoyen\n\nCet engagement a été réalisé à 70 %.\n");
    expect(brief(achieved)[0]).toMatchObject({ status: "partially_completed", progress: 70 });
    const standing = await record("## Commitment 2 – Citizen budget\n\nImplementation of this commitment stands at 40%.\n");
    expect(brief(standing)[0]).toMatchObject({ status: "in_progress", progress: 40 });
    const whole = await record("## Commitment 2 – Citizen budget\n\nThis commitment is completed at 100%.\n");
    expect(brief(whole)[0]).toMatchObject({ status: "completed", progress: 100 });
  });
});

describe("label lines under a commitment", () => {
  it("reads a status given under a progress label, with a hedged figure", async () => {
    const r = await record("**Engagement 1 – Portail**\n\nAvancement : En cours (environ 45 %)\n\nResponsable : DGCL\n");
    expect(brief(r)).toEqual([{ number: "1", title: "Portail", status: "in_progress", progress: 45 }]);
  });
  it("keeps a field line ('Lead: …') inside the commitment, so a reporter after it is credited", async () => {
    const r = await record("**Commitment 1 – Portal**\n\nProgress: Complete (100%)\n\nLead: Ministry of Finance\n\nMs. Jane Doe reported that the portal is live.\n");
    expect(r.commitments[0]?.reportedBy).toEqual(["Jane Doe"]);
  });
  it("still ends the commitment at a numbered part title", async () => {
    const r = await record("**Commitment 1 – Portal**\n\nProgress: Complete (100%)\n\nItem 5: Other business\n\nMs. Jane Doe reported that the budget is late.\n");
    expect(r.commitments[0]?.reportedBy).toEqual([]);
  });
});

describe("several events in one sentence", () => {
  it("titles each date by its own event word, or as another of the same", async () => {
    const r = await record("# Minutes of the meeting held on 5 September 2024\n\nThe Secretariat will hold a workshop on 3 October 2024 in Kisumu and another on 24 October 2024 in Mombasa, then a conference on 5 November 2024 in Nairobi.\n");
    expect(r.events.map((e) => [e.date, e.place, e.title])).toEqual([
      ["2024-10-03", "Kisumu", "workshop"],
      ["2024-10-24", "Mombasa", "workshop"],
      ["2024-11-05", "Nairobi", "conference"],
    ]);
  });
});
