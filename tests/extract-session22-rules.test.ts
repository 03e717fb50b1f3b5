/**
 * Rules found on the lead's held-out minutes of session 22: minutes kept as a table of agenda
 * items (Irish-style "Ref. | Discussion | Action / Owner"), engagement cards under "Point N."
 * sections, and an Iraqi letterhead over a committee's table whose status is in its notes.
 */
import { describe, expect, it } from "vitest";
import { record, markdownTable } from "./markdown-minutes.js";

describe("minutes kept as a table, one row per agenda item", () => {
  const minutes = (header: string, rows: string[][]) => record(`# Record of Meeting No. 7\n\nWednesday 6 March 2024\n\n${markdownTable(header, rows)}`);

  it("reads each row as a section: its number and first line the title, the discussion its text, the last column its actions", async () => {
    const r = await minutes("Ref.|Discussion|Action / Owner", [
      ["7.1", "Welcome and apologies<br>The Chair welcomed members.", ""],
      [
        "7.2",
        "Progress on the action plan<br>Commitment 1 – Open data portal. Ciarán Walsh reported that the portal went live in January. The commitment is complete.<br>Commitment 2 – Lobbying register. Declan Foley said the amendments are with the Attorney General; status: on track, about 60% done.",
        "Secretariat to write to the Department of Justice about Commitment 2 by 22 March 2024.",
      ],
      ["7.3", "Any other business<br>None was raised.", ""],
    ]);
    expect(r.meeting.agenda).toEqual(["Welcome and apologies", "Progress on the action plan", "Any other business"]);
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.progress, c.reportedBy])).toEqual([
      ["1", "Open data portal", "completed", null, ["Ciarán Walsh"]],
      ["2", "Lobbying register", "in_progress", 60, ["Declan Foley"]],
    ]);
    expect(r.decisions).toMatchObject([{ text: "Secretariat to write to the Department of Justice about Commitment 2 by 22 March 2024.", commitment: "2", owner: "Secretariat", due: "2024-03-22" }]);
  });

  it("takes the title from an item column and the owner and due date from their own columns ('N° | Point | Délibérations | Suite à donner | Responsable | Échéance')", async () => {
    const r = await minutes("N°|Point|Délibérations|Suite à donner|Responsable|Échéance", [
      ["1", "Ouverture", "La présidente ouvre la séance.", "", "", ""],
      ["2", "Budget citoyen", "Le ministère présente la version provisoire.", "Publier la version finale du budget citoyen", "DGB", "30 juin 2024"],
    ]);
    expect(r.meeting.agenda).toEqual(["Ouverture", "Budget citoyen"]);
    expect(r.decisions).toMatchObject([{ text: "Publier la version finale du budget citoyen", owner: "DGB", due: "2024-06-30" }]);
    expect(r.commitments).toEqual([]);
  });

  it("an Arabic minutes table ('م | البند | المناقشة | الإجراء') and its actions", async () => {
    const r = await minutes("م|البند|المناقشة|الإجراء", [
      ["1", "افتتاح الجلسة", "افتتح الرئيس الجلسة بالترحيب بالحضور.", ""],
      ["2", "متابعة الخطة", "استعرضت الأمانة سير تنفيذ الخطة.", "تكليف الأمانة بإعداد تقرير نصف سنوي"],
    ]);
    expect(r.meeting.agenda).toEqual(["افتتاح الجلسة", "متابعة الخطة"]);
    expect(r.decisions.map((d) => d.text)).toEqual(["تكليف الأمانة بإعداد تقرير نصف سنوي"]);
  });

  it("a tracker with a discussion column is still a tracker: a status column keeps its rows commitments", async () => {
    const r = await minutes("No.|Commitment|Status|Discussion", [
      ["1", "Open data portal", "Completed", "The portal is live."],
      ["2", "Lobbying register", "Ongoing", "Amendments are drafted."],
    ]);
    expect(r.commitments.map((c) => [c.number, c.status])).toEqual([
      ["1", "completed"],
      ["2", "in_progress"],
    ]);
  });

  it("a short cell in the action column says who, and stays the section's text, not a decision", async () => {
    const r = await minutes("Item|Minute|Action", [["1. Portal", "The portal was demonstrated to members.", "FR"]]);
    expect(r.decisions).toEqual([]);
  });
});

describe("sections numbered under the meeting's number", () => {
  it("'7.1 …', '7.2 …', '7.3 …' headings are the agenda when no '7.' section stands over them", async () => {
    const r = await record("# Minutes\n\n## 7.1 Welcome\n\nText.\n\n## 7.2 Minutes of meeting 6\n\nAgreed.\n\n## 7.3 Close\n\nDone.\n");
    expect(r.meeting.agenda).toEqual(["Welcome", "Minutes of meeting 6", "Close"]);
  });
  it("under a '2.' section they are its sub-sections: the agenda is the top-level sections", async () => {
    const r = await record("# Minutes\n\n## 1. Opening\n\nText.\n\n## 2. Updates\n\n### 2.1 Portal\n\nText.\n\n### 2.2 Budget\n\nText.\n\n## 3. Close\n\nDone.\n");
    expect(r.meeting.agenda).toEqual(["Opening", "Updates", "Close"]);
  });
});

describe("a rate after a status label's status", () => {
  it("'Status: on track, about 60% done', 'État d'avancement : En cours – 40 %', 'الحالة: قيد التنفيذ - 30%'", async () => {
    const r = await record(
      "## Commitment 1 – Portal\n\nStatus: on track, about 60% done.\n\n## Engagement 2 – Registre\n\nÉtat d'avancement : En cours – 40 %\n\n## الالتزام 3 – البوابة\n\nالحالة: قيد التنفيذ - 30%\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.progress])).toEqual([
      ["1", "in_progress", 60],
      ["2", "in_progress", 40],
      ["3", "in_progress", 30],
    ]);
  });
  it("a figure of something else after the status is no rate ('Status: ongoing, 60% of the budget spent')", async () => {
    const r = await record("## Commitment 1 – Portal\n\nStatus: ongoing, 60% of the budget spent.\n");
    expect(r.commitments[0].progress).toBeNull();
  });
});

describe("a run-in title before a later label", () => {
  it("'Commitment 2 – Register. X said …; status: on track.' is titled by its first sentence", async () => {
    const r = await record("## Progress\n\n*Commitment 2 – Register of lobbying reforms.* Declan Foley said the draft is with the Attorney General's office; status: on track.\n");
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.reportedBy])).toEqual([["2", "Register of lobbying reforms", "in_progress", ["Declan Foley"]]]);
  });
});

describe("decision sections numbered as agenda points", () => {
  it("'Point 3. Décisions', 'Item 4: Decisions', 'البند 5: القرارات' open decision sections", async () => {
    const r = await record(
      "## Point 3. Décisions\n\n1. Le secrétariat transmettra le calendrier.\n\n## Item 4: Decisions\n\n1. The Secretariat to circulate the note.\n\n## البند 5: القرارات\n\n1. تكليف الأمانة بإعداد التقرير.\n",
    );
    expect(r.decisions.map((d) => d.text)).toEqual(["Le secrétariat transmettra le calendrier.", "The Secretariat to circulate the note.", "تكليف الأمانة بإعداد التقرير."]);
  });
});

describe("a letterhead's reference and date", () => {
  it("'العدد: … / التاريخ: 14/3/2024' dates the letter; the opening sentence dates the meeting", async () => {
    const r = await record("جمهورية العراق\\\nوزارة التخطيط\n\nالعدد: ت إ/ 412\\\nالتاريخ: 14/3/2024\n\n# محضر الاجتماع الثالث\n\nعقدت اللجنة اجتماعها الثالث يوم الأحد الموافق 10/3/2024 في مقر الوزارة.\n");
    expect(r.meeting.date).toBe("2024-03-10");
  });
  it("'Our ref: …' over 'Date: 2 May 2024' in English, 'N/Réf : …' in French", async () => {
    const en = await record("Ministry of Planning\n\nOur ref: MP/OGP/12\\\nDate: 2 May 2024\n\n# Minutes\n\nThe committee met on 29 April 2024 at the Ministry.\n");
    const fr = await record("Ministère du Plan\n\nN/Réf : MP/PGO/12\\\nDate : 2 mai 2024\n\n# Procès-verbal\n\nLe comité s'est réuni le 29 avril 2024 au ministère.\n");
    expect([en.meeting.date, fr.meeting.date]).toEqual(["2024-04-29", "2024-04-29"]);
  });
  it("a label line is a line of its own: it does not continue the letterhead line above it", async () => {
    const r = await record("Republic of Iraq\n\nRef: 412\n\nMinutes of the meeting held on 10 March 2024.\n");
    expect(r.meeting.date).toBe("2024-03-10");
  });
});

describe("Iraqi and other status words", () => {
  it("'العمل مستمر', 'متلكئ', 'لم يباشر به بعد' in a notes column", async () => {
    const r = await record(
      markdownTable("ت|الالتزام|نسبة الإنجاز|الملاحظات", [
        ["1", "نشر الموازنة", "65%", "العمل مستمر"],
        ["3", "تقارير الديوان", "30%", "متلكئ بسبب تأخر التخصيصات"],
        ["4", "دليل المشاركة", "0%", "لم يباشر به بعد"],
      ]),
    );
    expect(r.commitments.map((c) => [c.number, c.status])).toEqual([
      ["1", "in_progress"],
      ["3", "in_progress"],
      ["4", "not_started"],
    ]);
  });
  it("'مستمر' as the whole of a status cell, 'continuing' too; in prose it only qualifies ('بشكل مستمر')", async () => {
    const r = await record(
      markdownTable("ت|الالتزام|الحالة", [
        ["1", "بوابة الشكاوى", "مستمر"],
        ["2", "Portal", "Continuing"],
      ]) + "\n## الالتزام 3 – التدريب\n\nيتم تحديث البيانات بشكل مستمر.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status])).toEqual([
      ["1", "in_progress"],
      ["2", "in_progress"],
      ["3", "unknown"],
    ]);
  });
  it("'No work has started yet', 'Les travaux n'ont pas encore commencé' in prose", async () => {
    const r = await record("## Commitment 5 – Guidance\n\nNo work has started yet.\n\n## Engagement 6 – Guide\n\nLes travaux n'ont pas encore commencé.\n");
    expect(r.commitments.map((c) => c.status)).toEqual(["not_started", "not_started"]);
  });
  it("the chair after an office between titles: 'برئاسة السيد وكيل الوزارة الدكتور ماهر حماد جوهان'", async () => {
    const r = await record("# محضر\n\nعقدت اللجنة اجتماعها يوم 10/3/2024 برئاسة السيد وكيل الوزارة الدكتور ماهر حماد جوهان، وبحضور الأعضاء.\n");
    expect(r.meeting.chair).toBe("ماهر حماد جوهان");
  });
});

describe("task lists as a repository's minutes write them (real: JMMP GO coordination)", () => {
  const log = [
    "## Actions from last meeting:",
    "",
    "- [x] (AB) Check and send any details on the ice shelf to SK.",
    "- [ ] (All) Be proactive about transferring workflows to Monsoon3.",
    "    * IA is finishing review of ancils for GOSI9.",
    "- [x] (Met Office team) To run further experiments on the timestep",
    "  * eORCA025 + RK3",
    "      - [x] 15m timestep",
    "      - [ ] 45m timestep",
    "- [x] (AA) Send out agenda ahead of the next meeting (20th November) and ask EB to minute it.",
    "",
    "## Actions:",
    "",
    "  * Carried forward from previous meeting:",
    "    * (All) Be proactive about transferring workflows to Monsoon3.",
    "  * (AM) Share numerical mixing paper draft.",
    "  * (AA) Organise meeting to discuss ORCA1 release.",
    "",
  ].join("\n");

  it("the owner in brackets is the owner, not the title; nested sub-tasks are the item's activities, not items", async () => {
    const r = await record(log);
    expect(r.commitments.map((c) => [c.title, c.owner, c.status])).toEqual([
      ["Check and send any details on the ice shelf to SK.", "AB", "completed"],
      ["Be proactive about transferring workflows to Monsoon3.", "All", "in_progress"],
      ["To run further experiments on the timestep", "Met Office team", "completed"],
      ["Send out agenda ahead of the next meeting (20th November) and ask EB to minute it.", "AA", "completed"],
    ]);
    expect(r.commitments[2].activities).toEqual([
      { text: "eORCA025 + RK3", state: "unknown" },
      { text: "15m timestep", state: "done" },
      { text: "45m timestep", state: "planned" },
    ]);
  });

  it("'## Actions:' lists the actions decided, each with its bracketed owner; a sub-title over carried items decides nothing, nor do reviewed items", async () => {
    const r = await record(log);
    expect(r.decisions.map((d) => [d.text, d.owner])).toEqual([
      ["(AM) Share numerical mixing paper draft.", "AM"],
      ["(AA) Organise meeting to discuss ORCA1 release.", "AA"],
    ]);
  });

  it("an open box whose note says done is under way, not done", async () => {
    const r = await record("## Review\n\n- [ ] (AB) Publish the data\n    * Done apart from the licence, AB is finishing it.\n- [x] (CD) Draft the note\n");
    expect(r.commitments.map((c) => c.status)).toEqual(["in_progress", "completed"]);
  });

  it("'(IV) …' and '(a) …' are numberings, not owners", async () => {
    const r = await record("## Review\n\n- [x] (IV) Publish the data\n- [x] (a) Draft the note\n");
    expect(r.commitments.map((c) => c.owner)).toEqual([undefined, undefined]);
  });
});

describe("actions set in the text", () => {
  it("'[Actions: OM team will meet again to define the experiments.]' inside a discussion; '(Action: DS)' names only an owner", async () => {
    const r = await record(
      "# Minutes\n\n* The group discussed UP3. [Actions: OM team will meet again to define the experiments.]\n* DS presented the slides (Action: DS).\n* Le groupe discute du portail. [Action : le secrétariat enverra la note aux membres.]\n",
    );
    expect(r.decisions.map((d) => d.text)).toEqual(["OM team will meet again to define the experiments.", "le secrétariat enverra la note aux membres."]);
  });

  it("'Action Point 1' over the action over 'Owner: Lorraine Forrester'; 'Décision n° 2' over its text", async () => {
    const r = await record(
      "Meeting minutes - Local Partnership Forum - 22 November 2021\n\nWelcome\n\nThe Chair welcomed the group.\n\nAction Point 1\n\nPapers to be issued to attendees.\n\nOwner: Lorraine Forrester\n\nDécision n° 2\n\nLe secrétariat diffusera le calendrier.\n",
    );
    expect(r.decisions.map((d) => [d.text, d.owner])).toEqual([
      ["Papers to be issued to attendees.", "Lorraine Forrester"],
      ["Le secrétariat diffusera le calendrier.", undefined],
    ]);
  });

  it("a passive after the frame names no owner: 'Papers to be issued to attendees'", async () => {
    const r = await record("## Actions\n\n- Papers to be issued to attendees.\n- The Secretariat to circulate the note.\n");
    expect(r.decisions.map((d) => d.owner)).toEqual([undefined, "Secretariat"]);
  });
});

describe("a title that closes on the meeting's date", () => {
  it("'Meeting minutes - Road Safety Forum – West - 22 November 2021' dates the meeting, and is no event", async () => {
    const r = await record("Meeting minutes - Road Safety Framework Local Partnership Forum – West - 22 November 2021\n\nAttendees\n\n- Lorraine Forrester (LF) Transport Scotland (Chair)\n\nWelcome\n\nThe Chair welcomed the group.\n");
    expect(r.meeting.date).toBe("2021-11-22");
    expect(r.events).toEqual([]);
  });
});

describe("the chair marked in a paragraph of names under the attendance cue", () => {
  it("'*Participants:*' over 'Ana Aguiar (AA - chair), Isabella Ascione (IA), …'", async () => {
    const r = await record("# Minutes\n\n*Thursday 20th November 2025*\n\n*Participants:*\n\nAna Aguiar (AA - chair), Isabella Ascione (IA), Adam Blaker (AB), Emma Fiedler (EF - minutes)\n\n## Agenda\n\n1. Updates\n2. AOB\n");
    expect(r.meeting.chair).toBe("Ana Aguiar");
  });
});

describe("reporters and statuses on label lines of a commitment's section", () => {
  it("'Intervenant : M. X, Direction …', 'Presenter: Ms Y', 'قدّمه: أ. هبة السعدي' name the reporters", async () => {
    const r = await record(
      "## Engagement n° 1 : Budget citoyen\n\nIntervenant : M. Paul Essomba, Direction générale du budget.\n\nCet engagement est achevé.\n\n" +
        "## Commitment 2: Portal\n\nPresenter: Ms Keisha Reid\n\nStatus: Ongoing\n\n" +
        "## الالتزام 3 – البوابة\n\n- الوضع الحالي: منجز\n- قدّمه: أ. هبة السعدي\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.reportedBy])).toEqual([
      ["1", "completed", ["Paul Essomba"]],
      ["2", "in_progress", ["Keisha Reid"]],
      ["3", "completed", ["هبة السعدي"]],
    ]);
  });
  it("'Le taux d'exécution de cet engagement est estimé à 55 %' is the rate and says the work is under way", async () => {
    const r = await record("## Engagement n° 2 : Plateforme\n\nLa plateforme est en phase de test. Le taux d'exécution de cet engagement est estimé à 55 %.\n");
    expect(r.commitments.map((c) => [c.status, c.progress])).toEqual([["in_progress", 55]]);
  });
});

describe("recommendations announced by a sentence", () => {
  it("'le Comité a formulé les recommandations suivantes :' over its bullets; 'made the following recommendations:'", async () => {
    const r = await record(
      "## III. Divers\n\nAu titre des divers, le Comité a formulé les recommandations suivantes :\n\n- à l'endroit du Ministère de la Justice : transmettre l'avant-projet avant le 30 juin 2024 ;\n- à l'endroit du Secrétariat : organiser un atelier.\n\n## IV. AOB\n\nThe Forum made the following recommendations:\n\n- publish the register.\n",
    );
    expect(r.decisions.map((d) => [d.text.slice(0, 30), d.date])).toEqual([
      ["à l'endroit du Ministère de la", "2024-06-30"],
      ["à l'endroit du Secrétariat : o", null],
      ["publish the register.", null],
    ]);
  });
});

describe("the chair marked in an attendance table", () => {
  it("'PRESENT:' over 'Mrs. Claudette Campbell | Office of the Cabinet – Chairperson'", async () => {
    const r = await record(
      "# Minutes\n\nMinutes of the meeting held on 9 April 2024.\n\n**PRESENT:**\n\n" +
        markdownTable("Name|Office", [
          ["Mr. Andre Brown", "Ministry of Finance"],
          ["Mrs. Claudette Campbell", "Office of the Cabinet – Chairperson"],
        ]),
    );
    expect(r.meeting.chair).toBe("Claudette Campbell");
  });
});

describe("actions said as what a person will do (real: Canada's open source tools working group)", () => {
  it("'Reginald Maltais examinera …', 'Guillaume enverra …', 'AB will circulate …' in a list are actions with their owner", async () => {
    const r = await record(
      "# Groupe de travail\n\n## Remarques\n\n* Architecture de référence\n* Reginald Maltais examinera la demande de tirage et la fusionnera.\n* Jim : Outils de conformité pour les développeurs.\n* Guillaume enverra des liens vers des sites.\n* La DGB publiera le rapport.\n\n## Notes\n\n- AB will circulate the slides.\n- AB will be away in May.\n- The Secretariat will check the list.\n",
    );
    expect(r.decisions.map((d) => [d.text, d.owner])).toEqual([
      ["Reginald Maltais examinera la demande de tirage et la fusionnera.", "Reginald Maltais"],
      ["Guillaume enverra des liens vers des sites.", "Guillaume"],
      ["AB will circulate the slides.", "AB"],
    ]);
  });
  it("inside a commitment a person's future work is an activity, not a decision", async () => {
    const r = await record("## Commitment 1 – Portal\n\nStatus: ongoing\n\n- AB will publish the datasets in June.\n");
    expect(r.decisions).toEqual([]);
    expect(r.commitments[0].activities.map((a) => a.state)).toEqual(["planned"]);
  });
});

describe("a name that folds like a stop word", () => {
  it("'تحت إشراف السيدة سلوى بن علي المكلفة بمأمورية': 'علي' is the name, 'على' would end it", async () => {
    const a = await record("# محضر\n\nانعقد يوم الثلاثاء 11 جوان 2024 اجتماع اللجنة، تحت إشراف السيدة سلوى بن علي المكلفة بمأمورية برئاسة الحكومة.\n");
    const b = await record("# محضر\n\nانعقد يوم الثلاثاء 11 جوان 2024 اجتماع اللجنة تحت إشراف السيد كمال الهاني على الساعة العاشرة.\n");
    expect([a.meeting.chair, b.meeting.chair]).toEqual(["سلوى بن علي", "كمال الهاني"]);
  });
});

describe("places and events of the Arabic lexicon, and the rate of the implementation", () => {
  it("'يوم مفتوح … بالمسرح البلدي يوم 28 جوان 2024', 'جلسة حوارية … في البصرة يوم 25 نيسان 2024'", async () => {
    const r = await record(
      "# محضر\n\nانعقد الاجتماع يوم 10 جوان 2024.\n\nأعلنت السيدة سناء بن عمر عن تنظيم يوم مفتوح حول الحكومة المفتوحة بالمسرح البلدي يوم 28 جوان 2024.\n\nأعلن الفريق عن تنظيم جلسة حوارية مع منظمات المجتمع المدني في البصرة يوم 25 نيسان 2024.\n",
    );
    expect(r.events.map((e) => [e.date, e.place])).toEqual([
      ["2024-06-28", "المسرح البلدي"],
      ["2024-04-25", "البصرة"],
    ]);
  });
  it("'Implementation was at 80%', 'تم إنجازه بنسبة 60%': the rate of the commitment itself, under way", async () => {
    const r = await record("## Commitment 1 – Register\n\nThe register went live. Implementation was at 80%.\n\n## الالتزام 2 – البوابة\n\nتم إنجازه بنسبة 60%.\n");
    expect(r.commitments.map((c) => [c.status, c.progress])).toEqual([
      ["in_progress", 80],
      ["partially_completed", 60],
    ]);
  });
});

describe("a status the reporter gives", () => {
  it("'Ms Jane Doe said that publication is in progress', 'Mme Awa Diop a indiqué que la publication est en cours', 'أفادت السيدة ريم أن النشر في طور الإنجاز'", async () => {
    const r = await record(
      "## Commitment 3 – Open budget\n\nMs Jane Doe said that publication is in progress and the portal will open in May.\n\n## Engagement 4 – Budget ouvert\n\nMme Awa Diop a indiqué que la publication est en cours.\n\n## الالتزام 5 – الميزانية المفتوحة\n\nأفادت السيدة ريم أن النشر في طور الإنجاز.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.statusLabel])).toEqual([
      ["3", "in_progress", "in progress"],
      ["4", "in_progress", "en cours"],
      ["5", "in_progress", "في طور الإنجاز"],
    ]);
    expect(r.warnings.filter((w) => w.code === "status-from-prose")).toHaveLength(3);
  });
  it("two statuses in what was said give none; a status word outside a reported sentence gives none either", async () => {
    const r = await record("## Commitment 3 – Portal\n\nMs Jane Doe said the design is completed and the procurement in progress.\n\n## Commitment 4 – Register\n\nThe pilot of the register in progress was discussed.\n");
    expect(r.commitments.map((c) => c.status)).toEqual(["unknown", "unknown"]);
  });
});

describe("the owner given on a card's line", () => {
  it("'Pilote : SPF Finances', '(a) Lead agency: …', 'الجهة المسؤولة: وزارة المالية' set the owner; a sentence after the label does not", async () => {
    const r = await record(
      "## Engagement 2.1 – Subsides\n\n- Pilote : SPF Finances\n- État d'avancement : Réalisé\n\n## Commitment 1: Portal\n\n(a) Lead agency: Ministry of Finance and the Public Service\n\n(b) Status: Completed.\n\n## الالتزام 3 – الموازنة\n\n- الجهة المسؤولة: وزارة المالية\n- الوضع الحالي: منجز\n\n## Commitment 4: Register\n\nResponsible: the ministry said that it would not commit to a date for the register this year at all, given the budget.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.owner])).toEqual([
      ["2.1", "SPF Finances"],
      ["1", "Ministry of Finance and the Public Service"],
      ["3", "وزارة المالية"],
      ["4", undefined],
    ]);
  });
});

describe("commitments typed one a line in plain text", () => {
  it("dot leaders before the status: 'Engagement 1 – Portail ........ Réalisé (100 %)'", async () => {
    const r = await record(
      "Le Secrétariat a présenté la situation de chaque engagement :\n\nEngagement 1 – Portail des données budgétaires ........ Réalisé (100 %)\n\nEngagement 2 – Registre des marchés publics ........... En cours (60 %)\n\nEngagement 3 – Charte de la participation citoyenne ... Non démarré\n",
      "minutes.txt",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.progress])).toEqual([
      ["1", "Portail des données budgétaires", "completed", 100],
      ["2", "Registre des marchés publics", "in_progress", 60],
      ["3", "Charte de la participation citoyenne", "not_started", null],
    ]);
  });
  it("lines coded alike with a status: 'C1 Open contracting (PPA): DONE - …', 'C2 …: ongoing, about 70%.'; lines coded unlike are no log", async () => {
    const r = await record(
      "1. Update\n\nC1 Open contracting (PPA): DONE - the OCDS feed is live.\n\nC2 Beneficial ownership (ORC): ongoing, about 70%.\n\nC3 Right to information (RTI Commission): delayed, the regulations are still with Parliament.\n",
      "minutes.txt",
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.progress])).toEqual([
      ["C1", "completed", null],
      ["C2", "in_progress", 70],
      ["C3", "in_progress", null],
    ]);
    const other = await record("Notes\n\nQ1 figures were shown: done.\n\nG7 ministers met: done.\n", "minutes.txt");
    expect(other.commitments).toEqual([]);
  });
});

describe("sections titled by their minute's reference", () => {
  it("'MIN/PSC/04/01/2024: Preliminaries', 'MIN. 02/04/2024: …' in bold are the agenda; a reference without a number is none", async () => {
    const r = await record("# Minutes\n\n**MIN/PSC/04/01/2024: Preliminaries**\n\nText.\n\n**MIN/PSC/04/02/2024: Status of project milestones**\n\nText.\n\n**MIN. 03/04/2024: Resolutions**\n\nText.\n");
    expect(r.meeting.agenda).toEqual(["Preliminaries", "Status of project milestones", "Resolutions"]);
    const none = await record("# Minutes\n\n**Ref: Welcome**\n\nText.\n\n**Ref: Close**\n\nText.\n");
    expect(none.meeting.agenda).toEqual([]);
  });
});
