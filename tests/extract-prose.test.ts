/**
 * What extraction reads in running text: reporters, chair, decisions, events, the
 * meeting's own date, and the percents that are not a commitment's progress. Each
 * test builds a tiny Markdown document in code and reads it with the real reader.
 */
import { describe, expect, it } from "vitest";
import { activityState } from "../src/extract/record-builder.js";
import { extractRecord } from "../src/extract/index.js";
import { foldWithMap } from "../src/extract/match.js";
import { reportersIn } from "../src/extract/people.js";
import { readMarkdown } from "../src/ingest/text.js";
import { record } from "./markdown-minutes.js";

describe("reporters", () => {
  const reporters = (s: string) => reportersIn(foldWithMap(s));
  it("reads names after Arabic verbs, one or two people, with or without hamza", () => {
    expect(reporters("أشارت السيدة سوسن معلى إلى أن هذا التعهد قد تمّ تنفيذه")).toEqual(["سوسن معلى"]);
    expect(reporters("أشارت السيدتان ريم القرناوي وسنية الغربي أنه قد تمّ")).toEqual(["ريم القرناوي", "سنية الغربي"]);
    expect(reporters("بالنسبة لهذا التعهد، اشارت السيدة ريم القرناوي أنه:")).toEqual(["ريم القرناوي"]);
    expect(reporters("أشار السيد وسام الهاني أن المجتمع المدني")).toEqual(["وسام الهاني"]);
    expect(reporters("أشار ممثل المعهد الوطني للإحصاء أن المعهد")).toEqual(["ممثل المعهد الوطني للإحصاء"]);
  });

  it("reads names before French and English verbs, without pronouns or titles", () => {
    expect(reporters("M. Mounir Trabelsi a indiqué que le portail est achevé.")).toEqual(["Mounir Trabelsi"]);
    expect(reporters("Le représentant de l'Institut National de la Statistique a indiqué que")).toEqual(["représentant de l'Institut National de la Statistique"]);
    expect(reporters("Il a proposé que cet engagement soit reconduit.")).toEqual([]);
    expect(reporters("Ms Jane Doe reported that the portal is live.")).toEqual(["Jane Doe"]);
  });

  it("takes no object of a verbal noun for a reporter", () => {
    expect(reporters("تنظيم ورشة عمل بهدف عرض نتائج المرحلة الأولى")).toEqual([]);
  });
});

describe("activity states", () => {
  const state = (s: string) => activityState(foldWithMap(s), null);
  it("reads tense and aspect cues, negation first", () => {
    expect(state("تمّ الانتهاء من تطوير البوابة")).toBe("done");
    expect(state("وسيتمّ عرض مشاريع الأوامر الحكومية")).toBe("planned");
    expect(state("يتم العمل على تطوير منظومة ء-مواطن")).toBe("ongoing");
    expect(state("لم يتمّ انجاز هذه البوابة")).toBe("unknown");
    expect(state("la mise en ligne de la plateforme est reportée au premier trimestre 2024")).toBe("planned");
    expect(state("Training will be held in May 2024.")).toBe("planned");
  });
});

describe("percents that are not progress", () => {
  it("keeps a portal's percent inside a commitment's prose out of its progress", async () => {
    const r = await record(
      "#### Engagement n° 4 : Consacrer la transparence financière\n\nTaux de réalisation : 60 %\n\nStatut : partiellement réalisé\n\nM. Mounir Trabelsi a indiqué que le portail est achevé à 90 %.\n",
    );
    expect(r.commitments).toEqual([expect.objectContaining({ number: "4", progress: 60, status: "partially_completed" })]);
  });

  it("keeps a plan-wide average after the table and an activity's counts out of every row", async () => {
    const r = await record(
      [
        "| عدد التعهد | التعهد | نسبة الإنجاز | الملاحظات |",
        "|---|---|---|---|",
        "| 9 | تعزيز استعمال البوابات | ٣٥٪ | بصدد الإنجاز: تمّ تنظيم 28 دورة تكوينية لفائدة 183 إطار. |",
        "| 11 | تكريس مبادئ شراكة الحكومة المفتوحة | 60% | منجز جزئيا: فيما لم تنطلق بعد عملية جرد البيانات. |",
        "",
        "وإجمالا، قدّرت النسبة العامة لتقدّم التنفيذ بحوالي 32%.",
      ].join("\n"),
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.progress])).toEqual([
      ["9", "in_progress", 35],
      ["11", "partially_completed", 60],
    ]);
  });
});

describe("meeting, decisions and events in prose", () => {
  it("dates the meeting by its own date, not the signature's", async () => {
    const r = await record("انعقد يوم الخميس 16 جوان 2022 اجتماع اللجنة، برئاسة السيد خالد السلامي.\n\nحرّر بتونس في 20 جوان 2022\n");
    expect(r.meeting).toMatchObject({ date: "2022-06-16", dateSource: "text", chair: "خالد السلامي" });
  });

  it("reads a decision's date and the commitment it names", async () => {
    const r = await record("بخصوص التعهد عدد 7، تمّ الاتفاق على عقد جلسة عمل يوم 7 جويلية 2022.\n\nIl a été convenu de transmettre les fiches au plus tard le 30 septembre 2023.\n");
    expect(r.decisions.map((d) => [d.commitment, d.date])).toEqual([
      ["7", "2022-07-07"],
      [null, "2023-09-30"],
    ]);
  });

  it("reads an event's day and place in Arabic and French", async () => {
    const r = await record(
      "وسيتمّ تنظيم ورشة عمل حول الميزانية التشاركية بتاريخ 28 جوان 2022 بسوسة.\n\n- un atelier national se tiendra le jeudi 5 octobre 2023 à Tunis ;\n",
    );
    expect(r.events.map((e) => [e.date, e.place])).toEqual([
      ["2022-06-28", "سوسة"],
      ["2023-10-05", "Tunis"],
    ]);
  });
});

describe("small layouts", () => {
  it("reads an agenda written on the cue's line and a chair given as a label", async () => {
    const r = await record("Ordre du jour : 1) bilan des engagements ; 2) rapport d'auto-évaluation ; 3) divers.\n\nPrésident de séance : M. Ali Trabelsi\n");
    expect(r.meeting.agenda).toEqual(["bilan des engagements", "rapport d'auto-évaluation", "divers."]);
    expect(r.meeting.chair).toBe("Ali Trabelsi");
  });

  it("takes a table row with one filled cell for a status section, spanning or not", async () => {
    const r = await record(
      [
        "| Engagement | Statut |",
        "|---|---|",
        "| Engagements réalisés (100 %) | |",
        "| Engagement n°2 : Publier les budgets | |",
        "| Engagements non réalisés | |",
        "| Engagement n°3 : Créer le registre | |",
      ].join("\n"),
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.progress, c.statusLabel])).toEqual([
      ["2", "completed", 100, "Engagements réalisés"],
      ["3", "not_completed", null, "Engagements non réalisés"],
    ]);
  });
});

describe("status cells and spanning rows", () => {
  it("reads the status a status cell opens with, keeps the rest as a note, and reads prose in it as notes", async () => {
    const r = await record(
      [
        "| Commitment | Status |",
        "|---|---|",
        "| Commitment 1: Open data | Completed. The portal went online in May. |",
        "| Commitment 2: Budgets | The ministry sent its report. |",
      ].join("\n"),
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.statusLabel, c.notes])).toEqual([
      ["1", "completed", "Completed", ["The portal went online in May."]],
      ["2", "unknown", null, ["The ministry sent its report."]],
    ]);
  });

  it("keeps a spanning row that names no commitment in a warning, not as a commitment", async () => {
    const doc = await readMarkdown(new TextEncoder().encode("| Commitment | Status |\n|---|---|\n| Commitment 1: Open data | Completed |\n"), "t.md");
    const table = doc.tree.children.find((n) => n.type === "table");
    if (table?.type !== "table") throw new Error("the Markdown reader gave no table");
    table.children.push({ type: "tableRow", children: [{ type: "tableCell", children: [{ type: "text", value: "Pillar 2: transparency" }], data: { colSpan: 2 } }] });
    const r = extractRecord(doc, { sha256: "0".repeat(64) });
    expect(r.commitments).toHaveLength(1);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: "table-note", message: expect.stringContaining("Pillar 2: transparency") }));
  });
});

describe("rows broken across pages", () => {
  it("reads a row without a number, in a table that numbers its rows, as the rest of the row above", async () => {
    const r = await record(
      [
        "| عدد التعهد | التعهد | نسبة الإنجاز | الملاحظات |",
        "|---|---|---|---|",
        "| 10 | تفعيل دور الشباب في ضبط المشاريع | ٧٠٪ | بصدد الإنجاز: تمّ اختيار 12 بلدية |",
        "| | العمومية | | وتشكيل فرق العمل المحلية. |",
        "| 11 | تكريس مبادئ شراكة الحكومة المفتوحة | 60% | منجز جزئيا. |",
      ].join("\n"),
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.progress])).toEqual([
      ["10", "تفعيل دور الشباب في ضبط المشاريع العمومية", 70],
      ["11", "تكريس مبادئ شراكة الحكومة المفتوحة", 60],
    ]);
    expect(r.commitments[0].notes.join(" ")).toContain("وتشكيل فرق العمل المحلية");
    expect(r.warnings.map((w) => w.code)).toContain("row-continued");
  });
});

describe("bare statuses", () => {
  it("takes a status-only table row for a section, but not a title that starts with a status word", async () => {
    const r = await record(
      ["| Commitment | Notes |", "|---|---|", "| Completed (100%) | |", "| Commitment 1: Complete the legal framework | Adopted in May. |", "| Not started | |", "| Commitment 2: Open budgets | |"].join("\n"),
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.progress, c.title])).toEqual([
      ["1", "completed", 100, "Complete the legal framework"],
      ["2", "not_started", null, "Open budgets"],
    ]);
  });

  it("takes a bare status under a commitment heading for that commitment's", async () => {
    const r = await record("## Commitment 3: Citizen budget\n\nLimited\n\nThe draft was published.\n\n## Commitment 4: Open contracting\n\nSubstantial\n");
    expect(r.commitments.map((c) => [c.number, c.status, c.statusLabel])).toEqual([
      ["3", "in_progress", "Limited"],
      ["4", "partially_completed", "Substantial"],
    ]);
  });
});

describe("numbered titles and broken sentences", () => {
  it("takes a numbered title followed by label lines for a commitment, but not a numbered part title", async () => {
    const r = await record("## 1. Progress on commitments\n\n### 3. Open budgets\n\nProgress: 75%\n\nStatus: Limited\n\n### 4. Citizen budget\n\nStatus: Complete\n");
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.progress])).toEqual([
      ["3", "Open budgets", "in_progress", 75],
      ["4", "Citizen budget", "completed", null],
    ]);
  });

  it("reads the meeting date and a decision across a sentence a reader broke into two paragraphs", async () => {
    const r = await record("The committee met on\n\n14 March 2024 in Accra.\n\nIt was agreed that the report is due on\n\n30 April 2024.\n");
    expect(r.meeting).toMatchObject({ date: "2024-03-14", dateSource: "text" });
    expect(r.decisions.map((d) => d.date)).toEqual(["2024-04-30"]);
  });
});

describe("activities told in prose", () => {
  it("takes each sentence of work done, under way or planned when a commitment has no bullets, and no decision", async () => {
    const r = await record(
      "#### Engagement n°8 : Définir les priorités\n\nStatut : réalisé\n\nLa stratégie a été adoptée en janvier 2023. Sa diffusion sera organisée en mai. Il a été convenu de publier un rapport.\n",
    );
    expect(r.commitments[0].activities).toEqual([
      { text: "La stratégie a été adoptée en janvier 2023", state: "done" },
      { text: "Sa diffusion sera organisée en mai", state: "planned" },
    ]);
    expect(r.commitments[0].notes).toHaveLength(1);
  });

  it("keeps bullets alone as activities when there are bullets", async () => {
    const r = await record("#### Engagement n°9 : Portails\n\nStatut : réalisé\n\nMme Sawsen Moalla a indiqué que :\n\n- le portail a été mis en ligne ;\n- un plan sera adopté.\n");
    expect(r.commitments[0].activities.map((a) => a.state)).toEqual(["done", "planned"]);
    expect(r.commitments[0].reportedBy).toEqual(["Sawsen Moalla"]);
  });
});

describe("documents with nothing to extract", () => {
  it("give a valid record that says what is missing, dated by --date", () => {
    const r = extractRecord(
      { path: "notes.md", format: "md", pages: null, metadata: {}, tree: { type: "root", children: [] }, messages: [] },
      { sha256: "0".repeat(64), date: "2024-05-02" },
    );
    expect(r.commitments).toEqual([]);
    expect(r.meeting).toMatchObject({ date: "2024-05-02", dateSource: "option" });
    expect(r.warnings.map((w) => w.code)).toEqual(["no-commitments"]);
  });

  it("ignore a --date that is not a date and metadata that is not one, with a warning", () => {
    const r = extractRecord(
      { path: "notes.docx", format: "docx", pages: null, metadata: { created: "2023-13-45T00:00:00Z" }, tree: { type: "root", children: [] }, messages: [] },
      { sha256: "0".repeat(64), date: "March 2024" },
    );
    expect(r.meeting).toMatchObject({ date: null, dateSource: null });
    expect(r.warnings.map((w) => w.code)).toEqual(["no-commitments", "bad-date-option", "no-date"]);
  });

  it("date a document by its metadata when text and file name say nothing", () => {
    const r = extractRecord(
      { path: "notes.docx", format: "docx", pages: null, metadata: { created: "2023-11-20T09:00:00Z" }, tree: { type: "root", children: [] }, messages: [] },
      { sha256: "0".repeat(64), date: "2024-05-02" },
    );
    expect(r.meeting).toMatchObject({ date: "2023-11-20", dateSource: "metadata" });
  });
});

describe("more ways to write a commitment's state", () => {
  it("splits a status written after a dash in the heading from the title", async () => {
    const r = await record("- Engagement 3 : Publier les budgets — réalisé (100 %)\n- Engagement 4 : Créer le registre — en cours\n");
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.progress])).toEqual([
      ["3", "Publier les budgets", "completed", 100],
      ["4", "Créer le registre", "in_progress", null],
    ]);
  });

  it("reads a number written before the title in the commitment column", async () => {
    const r = await record(["| Commitment | Status |", "|---|---|", "| 3. Open budgets | On track |", "| 4 - Citizen budget | Cancelled |"].join("\n"));
    // "Cancelled" is a closing word, as "withdrawn" and "abandonnée" are: the label is kept, no status.
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.statusLabel])).toEqual([
      ["3", "Open budgets", "in_progress", "On track"],
      ["4", "Citizen budget", "unknown", "Cancelled"],
    ]);
  });

  it("reads a percent spelled out in words", async () => {
    const r = await record("#### Engagement n°5 : Données ouvertes\n\nTaux de réalisation : 60 pour cent\n\nStatut : partiellement réalisé\n");
    expect(r.commitments[0]).toMatchObject({ progress: 60, status: "partially_completed" });
  });
});

describe("action plans", () => {
  const plan = async (text: string) => (await record(`${text}\n`)).meeting.actionPlan;
  it("reads the ordinal before or after the plan's name, and its years", async () => {
    expect(await plan("Suivi du 4ème plan d'action national du Partenariat pour un Gouvernement Ouvert (2021-2023).")).toMatchObject({ key: "nap4-2021-2023", ordinal: 4 });
    expect(await plan("Review of the Fourth National Action Plan 2019-2021.")).toMatchObject({ key: "nap4-2019-2021", startYear: 2019, endYear: 2021 });
    expect(await plan("متابعة تنفيذ خطة العمل الوطنية الخامسة لشراكة الحكومة المفتوحة.")).toMatchObject({ key: "nap5", ordinal: 5, text: "خطة العمل الوطنية الخامسة لشراكة الحكومة المفتوحة" });
  });

  it("takes no ordinal that qualifies something else", async () => {
    expect(await plan("Le plan d'action national, adopté en conseil, sera évalué au cours de la 3ème réunion.")).toMatchObject({ ordinal: null, key: null });
  });
});

describe("chairs, dates and parts as other committees write them", () => {
  it("finds the chair after offices, after a label, or marked in the attendance list", async () => {
    const chairOf = async (md: string) => (await record(md)).meeting.chair;
    expect(await chairOf("عُقد الاجتماع برئاسة عطوفة الأمين العام السيد مروان الرفاعي، وبحضور ممثلين.\n")).toBe("مروان الرفاعي");
    expect(await chairOf("Chaired by: Dr. Maria Santos, Undersecretary\n")).toBe("Maria Santos");
    expect(await chairOf("Chair: Mr. Abdul Sesay\nPresent: Ms. Fatmata Kamara\n")).toBe("Abdul Sesay");
    expect(await chairOf("**Present:** Ms. Fatmata Kamara (Chair, Ministry of Information); Mr. Abdul Sesay (RAIC).\n")).toBe("Fatmata Kamara");
    expect(await chairOf("**الحضور:** السيد مروان الرفاعي (رئيساً)، السيدة رنا الخطيب (مؤسسة تمكين).\n")).toBe("مروان الرفاعي");
  });

  it("dates a 'Record of meeting' heading", async () => {
    expect((await record("**Record of meeting, 22 May 2024 (virtual)**\n")).meeting.date).toBe("2024-05-22");
  });

  it("ends a list commitment at a title line, and keeps the title out of the decision after it", async () => {
    const r = await record(
      "Updates on the commitments:\n\n1. Open budget data\n\n   Status: Substantial\n\n2. Local open contracting\n\nStatus: Not started\n\nOther matters\n\nIt was agreed that agencies report by June 28, 2024.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status])).toEqual([
      ["1", "partially_completed"],
      ["2", "not_started"],
    ]);
    expect(r.decisions).toEqual([expect.objectContaining({ text: "It was agreed that agencies report by June 28, 2024.", commitment: null, date: "2024-06-28" })]);
  });

  it("reads Arabic status lines and the commitment a decision names, past an Arabic part title", async () => {
    const r = await record(
      "**الالتزام رقم (3): مراجعة قانون الحصول على المعلومات**\n\nالحالة: متعثر\n\n**الالتزام رقم (4): إشراك الشباب**\n\nالحالة: لم يبدأ\n\n**ثالثاً: ما يستجد من أعمال**\n\nتم الاتفاق على أن تقدم الهيئة تقريراً حول الالتزام رقم (3) في الاجتماع القادم.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status])).toEqual([
      ["3", "in_progress"],
      ["4", "not_started"],
    ]);
    expect(r.decisions).toEqual([expect.objectContaining({ commitment: "3" })]);
    expect(r.decisions[0].text.startsWith("تم الاتفاق")).toBe(true);
  });

  it("counts as agenda only the items of the list under its label", async () => {
    const r = await record("**Ordre du jour :**\n\n- Point sur les engagements ;\n- Divers.\n\n**1. État d'avancement des engagements**\n\nM. Karim Tazi a présenté le tableau.\n");
    expect(r.meeting.agenda).toEqual(["Point sur les engagements", "Divers."]);
  });
});
