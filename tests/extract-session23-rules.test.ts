/**
 * Rules found on the lead's held-out minutes of session 23: a Lebanese project committee's action
 * log (hyphenated numbers in Arabic-Indic digits, "الوضع" over the statuses, the log presented by
 * one person), a Haitian committee's measure cards (label lines joined by line breaks, the status
 * after the rate), Philippine highlights (lettered "A. Commitment 2 – …" sub-sections, IRM levels,
 * "Agreements and next steps") and a Welsh working group's plain-text RAG lines.
 */
import { describe, expect, it } from "vitest";
import { record, markdownTable } from "./markdown-minutes.js";
import { normalItemNumber } from "../src/text/item-numbers.js";
import { datesOf } from "../src/text/dates.js";
import { DATE_WORDS } from "../src/extract/lexicon/index.js";
import { extractRecord } from "../src/extract/index.js";
import { readText, wikiTablesAsGfm } from "../src/ingest/text.js";

/** The record of a plain-text document, read by the text reader. */
const textRecord = async (text: string) => extractRecord(await readText(new TextEncoder().encode(text), "notes.txt"), { sha256: "0".repeat(64) });

describe("an action log as a ministry's project committee keeps it", () => {
  const log = (intro: string, header: string) =>
    record(
      `# محضر الاجتماع الرابع للجنة التوجيهية\n\nبتاريخ يوم الثلاثاء الواقع فيه ١٩ أيلول ٢٠٢٣، عقدت اللجنة اجتماعها.\n\n${intro}\n\n${markdownTable(header, [
        ["٣-١", "إطلاق البوابة الموحّدة للخدمات الإلكترونية", "وحدة إدارة المشروع", "أُنجز"],
        ["٣-٢", "رقمنة سجلّات الأحوال الشخصية", "وزارة الداخلية والبلديات", "قيد التنفيذ"],
        ["٣-٣", "اعتماد معايير التشغيل البيني", "مكتب وزير الدولة", "متأخّر"],
      ])}\n`,
    );

  it("reads hyphenated numbers, 'الوضع' as the status column, the passive 'أُنجز', and the presenter of the log as every row's reporter", async () => {
    const r = await log("عرض السيد كريم نصّار، منسّق وحدة إدارة المشروع، سجلّ الإجراءات كما يلي:", "التسلسل|الإجراء|الجهة المسؤولة|الوضع");
    expect(r.commitments.map((c) => [c.number, c.status, c.reportedBy])).toEqual([
      ["3-1", "completed", ["كريم نصّار"]],
      ["3-2", "in_progress", ["كريم نصّار"]],
      ["3-3", "in_progress", ["كريم نصّار"]],
    ]);
  });

  it("takes a first column of item numbers under a header no lexicon names as the number column", async () => {
    // A PDF that lost the first letters of "التسلسل".
    const r = await log("سجل الإجراءات:", "سلسل|الإجراء|الجهة المسؤولة|الوضع");
    expect(r.commitments.map((c) => c.number)).toEqual(["3-1", "3-2", "3-3"]);
    // Nobody is named before the table: no reporter.
    expect(r.commitments.every((c) => c.reportedBy.length === 0)).toBe(true);
  });

  it("does not take a column of years for numbers", async () => {
    const r = await record(`# Minutes\n\nMeeting of 3 May 2024.\n\n${markdownTable("Year|Commitment|Status", [["2023", "Open data portal", "Done"], ["2024", "Budget portal", "Ongoing"]])}\n`);
    expect(r.commitments.map((c) => c.number)).toEqual([null, null]);
  });
});

describe("hyphenated item numbers", () => {
  it("keeps '3-1' as written, a leading zero of its first part dropped", () => {
    expect(normalItemNumber("3-1")).toBe("3-1");
    expect(normalItemNumber("03-12")).toBe("3-12");
    expect(normalItemNumber("3-")).toBeNull();
  });
});

describe("measure cards: label lines joined by line breaks", () => {
  const card = (lines: string[]) =>
    record(`# Compte rendu\n\nPort-au-Prince, le 7 février 2024\n\n**Mesure 1.1 — Publication des rapports d'exécution**\n\n${lines.join("\\\n")}\n\n**Mesure 1.2 — Budget citoyen**\n\nAvancement : 30 %\n`);

  it("takes the owner from its line among the others and the status given after the rate", async () => {
    const r = await card(["Responsable : Direction générale du Budget", "Avancement : 80 % (en cours)", "Activités : le rapport du quatrième trimestre est en relecture."]);
    const [first] = r.commitments;
    expect([first.owner, first.status, first.statusLabel, first.progress]).toEqual(["Direction générale du Budget", "in_progress", "80 % (en cours)", 80]);
    expect(first.notes.join(" ")).toContain("Activités : le rapport du quatrième trimestre");
    expect(first.notes.join(" ")).not.toContain("Responsable");
  });

  it("reads a participle agreeing with the measure ('non démarrée', 'partiellement réalisées')", async () => {
    expect((await card(["Avancement : 0 % (non démarrée)"])).commitments[0].status).toBe("not_started");
    expect((await card(["Statut : partiellement réalisées"])).commitments[0].status).toBe("partially_completed");
  });

  it("gives the status a rate alone implies, flagged for review ('Avancement : 30 %')", async () => {
    const r = await card(["Avancement : 80 % (en cours)"]);
    expect(r.commitments[1]).toMatchObject({ number: "1.2", status: "in_progress", statusLabel: null, progress: 30 });
    expect(r.warnings.filter((w) => w.code === "status-from-progress").map((w) => w.message)).toEqual(['Commitment 1.2: status "in_progress" taken from its 30 %']);
  });

  it("leaves a sentence after the rate alone ('80 % (voir annexe)')", async () => {
    const r = await card(["Avancement : 80 % (voir annexe)"]);
    expect(r.commitments[0].statusLabel).toBeNull();
    expect(r.commitments[0].progress).toBe(80);
  });
});

describe("lettered sub-sections and their reporters", () => {
  const highlights = (body: string) => record(`# Highlights of the 3rd Regular Meeting\n\nDate: Friday, 26 April 2024\n\nPresiding: Usec. Wilford Will L. Wong, DBM (Government Co-Chair)\n\n## III. Status of commitments\n\n${body}`);

  it("reads 'B. Commitment 5 – Title' as commitment 5, and its status and reporter under it", async () => {
    const r = await highlights(
      "### A. Commitment 2 – Fiscal Openness in Local Budgets\n\nCompletion: Substantial\n\n### B. Commitment 5 – Open Contracting\n\nCompletion: Limited\n\nMs. Aurora Reyes (Commission on Audit) reported that the pilot was delayed.\n",
    );
    expect(r.meeting.chair).toBe("Wilford Will L. Wong");
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.reportedBy])).toEqual([
      ["2", "Fiscal Openness in Local Budgets", "partially_completed", []],
      ["5", "Open Contracting", "in_progress", ["Aurora Reyes"]],
    ]);
  });

  it("cuts a title at the line break of a paragraph that gives the heading and its label lines, and no name runs over a line break", async () => {
    const r = await highlights(
      "A. Commitment 2 – Fiscal Openness in Local Budgets\\\nCompletion: Substantial\\\nThe Bureau of Local Government Finance reported that 1,204 LGUs publish.\n\nB. Commitment 7 – Freedom of Information\\\nCompletion: Not started\\\nThe committee noted that the ordinance awaits review.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status])).toEqual([
      ["2", "Fiscal Openness in Local Budgets", "partially_completed"],
      ["7", "Freedom of Information", "not_started"],
    ]);
    for (const c of r.commitments) for (const who of c.reportedBy) expect(who).not.toContain("\n");
  });

  it("reads 'Agreements and next steps' as the decisions, and a 'caravan' to be held as an event", async () => {
    const r = await highlights(
      "The Secretariat announced the Regional OGP Caravan, to be held in Cebu City on 20–21 June 2024.\n\n## V. Agreements and next steps\n\n1. DPWH to submit a revised timeline for Commitment 5 by 31 May 2024.\n2. The Secretariat to circulate the mid-term report.\n",
    );
    expect(r.decisions.map((d) => [d.text, d.commitment, d.due ?? null])).toEqual([
      ["DPWH to submit a revised timeline for Commitment 5 by 31 May 2024.", "5", "2024-05-31"],
      ["The Secretariat to circulate the mid-term report.", null, null],
    ]);
    expect(r.events.map((e) => [e.date, e.endDate, e.place])).toEqual([["2024-06-20", "2024-06-21", "Cebu City"]]);
  });
});

describe("places after the date", () => {
  const event = async (sentence: string) => (await record(`# Minutes\n\nMeeting of 19 September 2023.\n\n${sentence}\n`)).events.map((e) => e.place);

  it("a venue after the common preposition 'في', its town after a dash", async () => {
    expect(await event("تقرّر عقد ورشة العمل الوطنية في 16 تشرين الثاني 2023 في فندق لو رويال – ضبيه.")).toEqual(["فندق لو رويال – ضبيه"]);
  });

  it("a venue written in lower case after an elided article, and its town after a comma", async () => {
    expect(await event("L'atelier de validation se tiendra les 14 et 15 mars 2024 à l'hôtel Montana, à Pétion-Ville.")).toEqual(["hôtel Montana, à Pétion-Ville"]);
  });

  it("'في' before a word that is no venue or place noun opens no place", async () => {
    expect(await event("تقرّر عقد ورشة العمل الوطنية في 16 تشرين الثاني 2023 في إطار البرنامج.")).toEqual([null]);
  });
});

describe("plain-text notes: a log one line an item, and actions under a bare title", () => {
  const notes = `DIGITAL INCLUSION PARTNERSHIP - WORKING GROUP
Notes of meeting held 3rd October 2023, 2pm, Civic Centre, Newport

1. Action plan progress (RAG)

DI-01 Device lending scheme in libraries - GREEN - complete.
DI-02 Digital champions training - AMBER - 60% of volunteers trained.
DI-03 Free wifi in community centres - RED - not started.

Tom asked whether the wifi bid could be re-submitted. Gwen said the next round opens in October.

2. Digital Inclusion Week

Digital Inclusion Week events will run from 16 to 20 October 2023 at Newport Central Library.

Actions
- Gwen to re-submit the wifi bid to the Shared Prosperity Fund by 31 October.
- Priya to share the loan figures by 15 January.
`;

  it("keeps the paragraph after the last line of a one-line log out of that item", async () => {
    const r = await textRecord(notes);
    expect(r.commitments.map((c) => [c.number, c.status, c.progress])).toEqual([
      ["DI-01", "completed", null],
      ["DI-02", "in_progress", 60],
      ["DI-03", "not_started", null],
    ]);
    expect(r.commitments[2].notes).toEqual([]);
    expect(r.commitments[2].reportedBy).toEqual([]);
  });

  it("reads the items under a bare 'Actions' line, their days without a year falling on or after the meeting", async () => {
    const r = await textRecord(notes);
    expect(r.decisions.map((d) => [d.owner, d.due ?? null])).toEqual([
      ["Gwen", "2023-10-31"],
      ["Priya", "2024-01-15"],
    ]);
    expect(r.events.map((e) => [e.date, e.endDate, e.place])).toEqual([["2023-10-16", "2023-10-20", "Newport Central Library"]]);
  });

  it("a bare line is a decision title only when the section's words are all of it", async () => {
    const r = await textRecord(notes.replace("Actions\n", "Actions taken so far\n"));
    expect(r.decisions.some((d) => d.owner === "Gwen")).toBe(false);
  });
});

describe("dates without a year", () => {
  const folded = (s: string) => s.toLowerCase();
  it("take the reference's year, or the next when a due date would fall before it", () => {
    expect(datesOf(folded("by 31 October"), DATE_WORDS, "2023-10-03").map((d) => d.date)).toEqual(["2023-10-31"]);
    expect(datesOf(folded("by 15 January"), DATE_WORDS, "2023-10-03", true).map((d) => d.date)).toEqual(["2024-01-15"]);
    expect(datesOf(folded("on 15 January"), DATE_WORDS, "2023-10-03").map((d) => d.date)).toEqual(["2023-01-15"]);
    expect(datesOf(folded("by 31 October"), DATE_WORDS, null)).toEqual([]);
  });
});

describe("second round: a Moroccan tracking table and Tunisian paragraphs", () => {
  it("takes the presenter of a table from a paragraph naming what follows, without a colon ('le tableau de suivi ci-après.')", async () => {
    const r = await record(
      `# Procès-verbal\n\nLe Comité s'est réuni le lundi 11 mars 2024.\n\nMme Salma Bennani, coordinatrice du plan, a présenté le tableau de suivi ci-après.\n\n${markdownTable("N°|Engagement|Taux de réalisation|Observations", [
        ["3", "Publication des données ouvertes", "75%", "En cours de finalisation"],
        ["12", "Plateforme de pétitions", "0%", "Non démarré"],
      ])}`,
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.progress, c.reportedBy])).toEqual([
      ["3", "in_progress", 75, ["Salma Bennani"]],
      ["12", "not_started", 0, ["Salma Bennani"]],
    ]);
  });

  it("reads a rate told as done as partly done ('أفاد السيد … أنه تم إنجاز 70 بالمائة من العمل')", async () => {
    const r = await record(
      "# محضر\n\nانعقدت يوم الأربعاء 14 فيفري 2024 جلسة عمل.\n\nبالنسبة للالتزام عدد 5 المتعلق بنشر الميزانيات البلدية، أفاد السيد هشام الجلاصي أنه تم إنجاز 70 بالمائة من العمل.\n\nأما الالتزام عدد 6 المتعلق بإرساء آلية للتظلم، فقد أوضحت السيدة ريم بن عمر أنه ما زال في طور الإنجاز.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.progress])).toEqual([
      ["5", "partially_completed", 70],
      ["6", "in_progress", null],
    ]);
  });
});

describe("classes the real documents of h-real8 showed", () => {
  it("keeps a publication line apart from the title under it, so the 'Date:' line dates the meeting", async () => {
    const r = await textRecord("November 30, 2017\n\n2nd National Steering Committee meeting\n\nDate: November 27 -28, 2017\n\nVenue: Sheraton Hotel, Lagos\n\nThe Secretariat convened the meeting.\n");
    expect(r.meeting.date).toBe("2017-11-27");
  });

  it("reads the stamp of the minutes' approval as a later meeting's date ('Validé en séance du 15 septembre 2008')", async () => {
    const r = await textRecord("Validé en séance du 15 septembre 2008\n\nCOMPTE-RENDU DE LA COMMISSION NATIONALE\n\nRéunion du 28 novembre 2007\n\nLa séance est ouverte.\n");
    expect(r.meeting.date).toBe("2007-11-28");
  });

  it("takes an attendance task list nested under its label for no log, and a handle before a colon for the owner", async () => {
    const r = await record(
      "# TSC Meeting Notes - 2023-05-18\n\n* TSC Attendees:\n  * [ ] Allan Johns - NVIDIA\n  * [x] Stephen Mackenzie - NVIDIA\n\n## Review of previous action items\n\n* [x] @maxnbk: Check with LF Marketing the town hall format.\n* [ ] @maxnbk: Reach out to Deadline devs.\n  * Stephen: Did not have time unfortunately.\n",
    );
    expect(r.commitments.map((c) => [c.title, c.owner ?? null, c.status])).toEqual([
      ["Check with LF Marketing the town hall format.", "@maxnbk", "completed"],
      ["Reach out to Deadline devs.", "@maxnbk", "not_started"],
    ]);
  });

  it("reads the items nested under an 'Action Items:' item as decisions", async () => {
    const r = await record("# Notes 18 May 2023\n\n## Short Version\n\n* Action Items:\n  * Stephen Mackenzie: Contact the AWS representative.\n  * Jean-Christophe Morin: Review recent commits.\n* Important links: none\n");
    expect(r.decisions.map((d) => d.text)).toEqual(["Stephen Mackenzie: Contact the AWS representative.", "Jean-Christophe Morin: Review recent commits."]);
  });

  it("gathers an agenda from the lists under its sub-headings, up to one with no list under it", async () => {
    const r = await record("Agenda\n======\n\nPinned Topics\n-------------\n* Outstanding pull requests\n* Tracking table\n\nNew Items\n---------\n* Ubuntu support\n\nMinutes\n-------\nAttendees: Gigg, Hahn\n\n* Dropping support for 14.04\n");
    expect(r.meeting.agenda).toEqual(["Outstanding pull requests", "Tracking table", "Ubuntu support"]);
  });

  it("leaves the honours after a chair's name out of it ('Sir John Elvidge, KCB (chair)')", async () => {
    const r = await textRecord("Strategic Board\n\nThursday 20 March 2008\n\nPresent:\nSir John Elvidge, KCB (chair)\nRobert Gordon, CB\n\n1. Minutes\n");
    expect(r.meeting.chair).toBe("John Elvidge");
  });
});

describe("third round: a South African action tracker, Canadian notes, Jordanian ordinal bullets", () => {
  it("keeps a log's meeting/action numbers ('13/02') as written, in the table and in the prose naming them", async () => {
    expect(normalItemNumber("13/02")).toBe("13/02");
    const r = await record(
      `# Minutes of Meeting No. 14\n\nHeld on 22 February 2024.\n\n${markdownTable("Ref|Action|Owner|RAG", [
        ["13/01", "Publish the register pilot", "CIPC", "Complete"],
        ["13/03", "Train municipal officials", "DPSA", "Delayed"],
      ])}\n## New actions\n\n${markdownTable("Ref|Action|Owner|Target date", [["14/01", "Circulate the revised training schedule for action 13/03", "DPSA", "8 Mar 2024"]])}`,
    );
    expect(r.commitments.map((c) => [c.number, c.status])).toEqual([
      ["13/01", "completed"],
      ["13/03", "in_progress"],
    ]);
    expect(r.decisions.map((d) => [d.commitment, d.due ?? null])).toEqual([["13/03", "2024-03-08"]]);
  });

  it("reads 'Point 1 - Ouverture' lines as the agenda and a bare 'Suivis' line over the follow-ups", async () => {
    const r = await textRecord(
      "Notes de rencontre\n\nDate : mardi 5 mars 2024\n\nPoint 1 - Ouverture\nLa présidente souhaite la bienvenue.\n\nPoint 2 - Suivi des engagements\n- Engagement 4.1 (Registre des lobbyistes) : réalisé.\n- Engagement 5.2 (Transparence) : en retard.\n\nSuivis\n- Le SCT enverra le gabarit d'ici le 22 mars 2024.\n",
    );
    expect(r.meeting.agenda).toEqual(["Ouverture", "Suivi des engagements"]);
    expect(r.decisions.map((d) => [d.text, d.due ?? null])).toEqual([["Le SCT enverra le gabarit d'ici le 22 mars 2024.", "2024-03-22"]]);
  });

  it("reads an event named with its article ('سيُعقد المنتدى الوطني … في مدينة إربد يوم 18 حزيران 2024')", async () => {
    const r = await record("# محضر\n\nعقد الفريق اجتماعه يوم الأحد الموافق 12 أيار 2024.\n\nسيُعقد المنتدى الوطني للحكومة المنفتحة في مدينة إربد يوم 18 حزيران 2024.\n");
    expect(r.events.map((e) => [e.date, e.place])).toEqual([["2024-06-18", "إربد"]]);
  });
});

describe("a wiki page's table", () => {
  const page = "# Compte rendu du 13 octobre 2014\n\nConcernant les tuiles :\n{| border=&quot;1&quot;\n!Nom de la tuile\n! Mode de récupération !! Statut\n|-\n| Facebook\n| API Facebook\n| En cours\n|-\n| #appdujour\n| RSS | blog\n| style=\"color:green\" | Prêt\n|}\n\nLa suite du texte.\n";

  it("rewrites a MediaWiki table as a GFM table in as many lines", () => {
    const lines = wikiTablesAsGfm(page).split("\n");
    expect(lines.length).toBe(page.split("\n").length);
    expect(lines.slice(4, 8)).toEqual(["| Nom de la tuile | Mode de récupération | Statut |", "| --- | --- | --- |", "| Facebook | API Facebook | En cours |", "| #appdujour | RSS \\| blog | Prêt |"]);
    expect(lines.indexOf("La suite du texte.")).toBe(page.split("\n").indexOf("La suite du texte."));
  });

  it("reads its rows as items named by the first column, their states in the status column", async () => {
    const r = await record(page);
    expect(r.commitments.map((c) => [c.title, c.status])).toEqual([
      ["Facebook", "in_progress"],
      ["#appdujour", "completed"],
    ]);
  });

  it("takes no rows of a table whose 'Status' column holds no statuses for items", async () => {
    const r = await record(`# Minutes of 3 May 2024\n\n${markdownTable("Name|Organisation|Status", [["Ann Lee", "Ministry", "Member"], ["Bo Chen", "NGO", "Observer"]])}`);
    expect(r.commitments).toEqual([]);
  });
});

describe("fourth round: Indonesian nested labels, an Ivorian rate matrix, Egyptian '1- ' paragraphs", () => {
  it("reads '1- مشروع …: status' lines announced by a titled presenter as a review, each item his", async () => {
    const r = await record(
      "# محضر\n\nاجتمعت اللجنة يوم الاثنين الموافق ٢٢ يوليو ٢٠٢٤.\n\nاستعرض المهندس أحمد فؤاد، مدير وحدة متابعة البرنامج، موقف تنفيذ المشروعات على النحو التالي:\n\n١- مشروع ميكنة منظومة الشكاوى: تم الانتهاء منه بنسبة ١٠٠٪.\n\n٢- مشروع إتاحة البيانات المفتوحة: جارٍ التنفيذ، وبلغت نسبة الإنجاز ٥٥٪.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.progress, c.reportedBy])).toEqual([
      ["1", "مشروع ميكنة منظومة الشكاوى", "completed", 100, ["أحمد فؤاد"]],
      ["2", "مشروع إتاحة البيانات المفتوحة", "in_progress", 55, ["أحمد فؤاد"]],
    ]);
  });

  it("takes no body that passes on others' updates for the reporter of a list ('The Secretariat presented the updates …:')", async () => {
    const r = await record("# Record of meeting, 22 May 2024\n\nThe Secretariat presented the updates received from the agencies:\n\n1. Open budget data - Status: Substantial\n2. FOI legislation - Status: Limited\n");
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([[], []]);
  });

  it("reads 'Conclusions' as the decisions and a festival as an event", async () => {
    const r = await record("# Minutes\n\nDay/Date: Wednesday, 17 July 2024\n\nThe OGI Festival will be held on 21–22 October 2024 in Surabaya.\n\n## D. Conclusions\n\n1. The Secretariat will compile the Q2 progress report by 31 July 2024.\n");
    expect(r.decisions.map((d) => d.due ?? null)).toEqual(["2024-07-31"]);
    expect(r.events.map((e) => [e.date, e.place])).toEqual([["2024-10-21", "Surabaya"]]);
  });
});

describe("fifth round: a Ugandan programme's outputs", () => {
  it("reads 'Output N: Title' over 'Achievement: … (80%). Status: Ongoing.', and the chair of a members table whose first column numbers the rows", async () => {
    const r = await record(
      `# Minutes of the 6th Steering Committee held on Monday 9th September 2024\n\n**Members present**\n\n${markdownTable("No.|Name|Designation", [
        ["1", "Mr. Ben Kumumanya", "Permanent Secretary – Chairperson"],
        ["2", "Ms. Grace Akello", "Commissioner"],
      ])}\n## MIN 03/06/2024: Status of programme outputs\n\n**Output 1: Barazas held in 40 districts**\n\nAchievement: 32 of 40 districts (80%). Status: Ongoing.\n\n**Output 2: Baraza reports uploaded**\n\nAchievement: All reports uploaded. Status: Achieved.\n`,
    );
    expect(r.meeting.chair).toBe("Ben Kumumanya");
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.progress])).toEqual([
      ["1", "Barazas held in 40 districts", "in_progress", 80],
      ["2", "Baraza reports uploaded", "completed", null],
    ]);
    expect(r.commitments[0].notes.join(" ")).toContain("Achievement: 32 of 40 districts (80%).");
  });
});

describe("sixth round: Word headings over 'État :' lines", () => {
  it("reads the rate a status label gives after its linking word, a completion under 100 being a part done ('État : réalisé à 90 %')", async () => {
    const r = await record("# Procès-verbal\n\nLe comité s'est réuni le mercredi 2 octobre 2024.\n\n## Engagement n° 7 – Publication des données\n\nÉtat : réalisé à 90 %\n\nPorteur : HAICOP\n\n## Engagement n° 11 – Registre des associations\n\nÉtat : en cours\n");
    expect(r.commitments.map((c) => [c.number, c.status, c.statusLabel, c.progress, c.owner ?? null])).toEqual([
      ["7", "partially_completed", "réalisé à 90 %", 90, "HAICOP"],
      ["11", "in_progress", "en cours", null, null],
    ]);
  });
});
