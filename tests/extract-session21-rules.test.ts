/**
 * Rules found on the lead's held-out minutes of session 21: a Canadian-style procès-verbal in the
 * present of narration with "État : en bonne voie" lines, and public consultations as an event.
 */
import { describe, expect, it } from "vitest";
import { record } from "./markdown-minutes.js";

const section = (title: string, lines: string, talk: string) => `### ${title}\n\nResponsable : Secrétariat\\\n${lines}\n\n${talk}\n\n`;

describe("minutes written in the present of narration", () => {
  it("'X indique que …', 'Y précise que …' name the reporters, with no courtesy title", async () => {
    const r = await record(
      "## 2. Tour de table\n\n" +
        section("Engagement 3 — Données ouvertes sur les subventions", "État : terminé", "Jean-François Gagnon indique que le jeu de données est publié sur le portail.") +
        section("Engagement 5 — Propriété effective", "État : en bonne voie", "Amira Benali précise que le registre est ouvert.") +
        "## 3. Varia\n\nRien.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.reportedBy])).toEqual([
      ["3", ["Jean-François Gagnon"]],
      ["5", ["Amira Benali"]],
    ]);
  });
  it("a participle that folds to the present ('Aucun avancement signalé', 'Le rapport indiqué') names no reporter", async () => {
    const r = await record("## Engagement 2 — Budget citoyen\n\nÉtat : en cours\n\nAucun avancement signalé. Le rapport indiqué plus haut reste à publier.\n");
    expect(r.commitments[0].reportedBy).toEqual([]);
  });
});

describe("statuses on track and not begun", () => {
  it("'en bonne voie', 'pas commencé', 'في المسار الصحيح', 'on track' keep the label and read the status", async () => {
    const r = await record(
      "## Engagement 5 — Registre\n\nÉtat : en bonne voie\n\n## Engagement 9 — Délais\n\nÉtat : pas commencé\n\n## Commitment 10 — Portal\n\nStatus: on track\n\n## الالتزام 11 — البوابة\n\nالحالة: في المسار الصحيح\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status, c.statusLabel])).toEqual([
      ["5", "in_progress", "en bonne voie"],
      ["9", "not_started", "pas commencé"],
      ["10", "in_progress", "on track"],
      ["11", "in_progress", "في المسار الصحيح"],
    ]);
  });
});

describe("public consultations are events", () => {
  it("'des consultations publiques auront lieu à Montréal du 15 au 17 avril 2024'", async () => {
    const r = await record("Procès-verbal de la réunion du 7 mars 2024.\n\nLe secrétariat rappelle que des consultations publiques auront lieu à Montréal du 15 au 17 avril 2024.\n");
    expect(r.events).toMatchObject([{ date: "2024-04-15", endDate: "2024-04-17", place: "Montréal" }]);
  });
  it("'public consultations will be held in Leeds from 3 to 5 June 2024'", async () => {
    const r = await record("Minutes of the meeting of 12 March 2024.\n\nThe Secretariat noted that public consultations will be held in Leeds from 3 to 5 June 2024.\n");
    expect(r.events).toMatchObject([{ date: "2024-06-03", endDate: "2024-06-05", place: "Leeds" }]);
  });
});

describe("attendees listed on the cue's line", () => {
  const attendees = async (line: string) => (await record(`Procès-verbal de la réunion du 7 mars 2024.\n\n${line}\n`)).meeting.attendees;
  it("'Présences : A; B; C (secrétariat)' and 'Présents : A, B, C': names without titles", async () => {
    expect(await attendees("**Présences :** Marie Tremblay; Jean-François Gagnon; Sophie Nguyen (secrétariat)")).toEqual(["Marie Tremblay", "Jean-François Gagnon", "Sophie Nguyen"]);
    expect(await attendees("Présents : Marie Tremblay, Jean-François Gagnon, Amira Benali")).toEqual(["Marie Tremblay", "Jean-François Gagnon", "Amira Benali"]);
  });
  it("a list that titles its people keeps their roles out ('Mr X, Ministry of Finance, Ms Y, Open Data Office')", async () => {
    expect(await attendees("Present: Mr John Smith, Ministry of Finance, Ms Jane Doe, Open Data Office")).toEqual(["John Smith", "Jane Doe"]);
    expect(await attendees("Présents : Mme Marie Tremblay, directrice, M. Jean Gagnon")).toEqual(["Marie Tremblay", "Jean Gagnon"]);
  });
  it("'الحضور: الدكتورة …، السيد …، المهندسة …' in Arabic", async () => {
    expect(await attendees("الحضور: الدكتورة نادين الحسيني (رئيسة اللجنة)، السيد وائل شمس الدين (وزارة المالية)، المهندسة رنا حداد")).toEqual(["نادين الحسيني", "وائل شمس الدين", "رنا حداد"]);
  });
  it("'Absences :' is no attendance line", async () => {
    expect(await attendees("**Absences :** Robert Lavoie")).toEqual([]);
  });
});

describe("sections lettered A., B., C. …", () => {
  const minutes =
    "Record of the meeting of 12 June 2024.\n\n**A. CALL TO ORDER**\n\nThe meeting was called to order at 2:10 PM.\n\n**B. REVIEW OF THE PREVIOUS RECORD**\n\nApproved.\n\n" +
    "**C. STATUS OF COMMITMENTS**\n\nThe Secretariat reported.\n\n**D. ACTION POINTS**\n\n1. COA to submit a revised timeline by 30 June 2024.\n2. Secretariat to circulate the report by 15 July 2024.\n\n**E. ADJOURNMENT**\n\nThe meeting was adjourned at 4:25 PM.\n";
  it("are the agenda when the minutes list none", async () => {
    expect((await record(minutes)).meeting.agenda).toEqual(["CALL TO ORDER", "REVIEW OF THE PREVIOUS RECORD", "STATUS OF COMMITMENTS", "ACTION POINTS", "ADJOURNMENT"]);
  });
  it("'D. ACTION POINTS' opens a decision section, its items owned by the body named first", async () => {
    const r = await record(minutes);
    expect(r.decisions.map((d) => [d.owner, d.date])).toEqual([
      ["COA", "2024-06-30"],
      ["Secretariat", "2024-07-15"],
    ]);
  });
  it("'ب. القرارات' and 'C. Décisions' in Arabic and French numbering open decision sections too", async () => {
    const fr = await record("**C. Décisions**\n\n- Transmettre le rapport avant le 30 juin 2024.\n");
    expect(fr.decisions.map((d) => d.text)).toEqual(["Transmettre le rapport avant le 30 juin 2024."]);
    const ar = await record("**ب. القرارات**\n\n- إعداد التقرير قبل 30 جوان 2024.\n");
    expect(ar.decisions.map((d) => d.text)).toEqual(["إعداد التقرير قبل 30 جوان 2024."]);
  });
});

describe("a subject named across a possessive and function words", () => {
  it("'the People's Budget' names '1.1 Expand the People's Budget to all regions'", async () => {
    const r = await record(
      "| Commitment | Agency | Status |\n| --- | --- | --- |\n| 1.1 Expand the People's Budget to all regions | DBM | Completed |\n| 1.2 Open procurement data | PS-DBM | Ongoing |\n\n" +
        "Mr. Ramon Cruz reported that regional editions of the People's Budget had been uploaded in June.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["Ramon Cruz"], []]);
  });
  it("a sentence on one commitment's subject before another's number goes to the first ('… the People's Budget … . Atty. Y added that … commitment 1.2 …')", async () => {
    const r = await record(
      "| Commitment | Agency | Status |\n| --- | --- | --- |\n| 1.1 Expand the People's Budget to all regions | DBM | Completed |\n| 1.2 Open procurement data | PS-DBM | Ongoing |\n\n" +
        "Mr. Ramon Cruz reported that regional editions of the People's Budget had been uploaded in June. Atty. Liza Reyes added that the data standard for commitment 1.2 was adopted.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["Ramon Cruz"], ["Liza Reyes"]]);
  });
});

describe("an action log's codes with the meeting's number ('AP-14-01')", () => {
  it("numbers the previous actions by their codes; the new actions are decisions", async () => {
    const r = await record(
      "Minutes of Meeting 15, 4 September 2024.\n\n### Item 2: Actions from previous meetings\n\n" +
        "| Ref | Action | Owner | Due | Status |\n| --- | --- | --- | --- | --- |\n| AP-14-01 | Publish the grants data dictionary | Grants Hub | 31 July 2024 | Complete |\n| AP-13-05 | Seek agency nominations | ABS | 30 June 2024 | Not started |\n\n" +
        "### New actions\n\n| Ref | Action | Owner | Due |\n| --- | --- | --- | --- |\n| AP-15-01 | Circulate the consultation summary | AGD | 27 September 2024 |\n",
    );
    expect(r.commitments.map((c) => [c.number, c.status])).toEqual([
      ["AP-14-01", "completed"],
      ["AP-13-05", "not_started"],
    ]);
    expect(r.decisions.map((d) => [d.text, d.date])).toEqual([["Circulate the consultation summary", "2024-09-27"]]);
  });
});

describe("a commitment's title run in before its prose", () => {
  it("'Commitment 2 – Beneficial ownership transparency. Priya Raman advised that … is on track …'", async () => {
    const r = await record(
      "### Item 3: Progress on commitments\n\n**Commitment 2 – Beneficial ownership transparency.** Priya Raman advised that the exposure draft had been released and that delivery is on track.\n\n" +
        "**Commitment 5 – Open contracting.** The Secretariat noted that the milestone on contract variations is complete.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status])).toEqual([
      ["2", "Beneficial ownership transparency", "in_progress"],
      ["5", "Open contracting", "completed"],
    ]);
    expect(r.commitments[0].reportedBy).toEqual(["Priya Raman"]);
  });
  it("'Engagement 3 – Budget ouvert. M. X a fait le point …' and a first sentence that states a status stay whole", async () => {
    const fr = await record("**Engagement 3 – Budget ouvert.** M. Paul Adjovi a fait le point sur la publication, qui est en bonne voie.\n");
    expect(fr.commitments.map((c) => [c.title, c.status, c.reportedBy])).toEqual([["Budget ouvert", "in_progress", ["Paul Adjovi"]]]);
    // Folding drops the vowel marks: the title is cut where the sentence ends in the text as written.
    const vowelled = await record("**الالتزام 2 – نشرُ الميزانيةِ المفتوحةِ.** وأفاد السيد كريم العياري بأن الميزانية نشرت على البوابة في شهر ماي الماضي.\n");
    expect(vowelled.commitments.map((c) => c.title)).toEqual(["نشرُ الميزانيةِ المفتوحةِ"]);
    const done = await record("**Commitment 4 – The portal is complete.** Ms Jane Doe said the last datasets were published in May.\n");
    expect(done.commitments[0].title).not.toBe("The portal is complete");
  });
});

describe("section titles numbered as agenda items ('Item 3:', 'Point 2 :', 'البند 4:')", () => {
  it("are the agenda when the minutes list none, in three languages", async () => {
    const en = await record("Minutes of 4 September 2024.\n\n### Item 1: Welcome\n\nHello.\n\n### Item 2: Actions\n\nNone.\n\n### Item 3: Other business\n\nNone.\n");
    expect(en.meeting.agenda).toEqual(["Welcome", "Actions", "Other business"]);
    const fr = await record("Réunion du 4 septembre 2024.\n\n### Point 1 : Ouverture\n\nBienvenue.\n\n### Point 2 : Suivi des engagements\n\nRien.\n");
    expect(fr.meeting.agenda).toEqual(["Ouverture", "Suivi des engagements"]);
    const ar = await record("اجتماع 4 سبتمبر 2024.\n\n### البند 1: الافتتاح\n\nترحيب.\n\n### البند 2: متابعة الالتزامات\n\nلا شيء.\n");
    expect(ar.meeting.agenda).toEqual(["الافتتاح", "متابعة الالتزامات"]);
  });
});

describe("a Jordanian-style follow-up of the previous meeting's actions", () => {
  it("'وترأس الاجتماع عطوفة الدكتور زياد المصري أمين عام الوزارة': titles in a row, the office after the name left out", async () => {
    const r = await record("عقدت اللجنة اجتماعها يوم الأحد الموافق 2024/3/17، وترأس الاجتماع عطوفة الدكتور زياد المصري أمين عام الوزارة، وبحضور كل من:\n");
    expect(r.meeting.chair).toBe("زياد المصري");
    expect(r.meeting.date).toBe("2024-03-17");
  });
  it("'Hon. Dr. Ama Mensah, Minister' in English", async () => {
    const r = await record("Minutes of 4 March 2024.\n\nThe meeting was chaired by Hon. Dr. Ama Mensah, Minister of Information.\n");
    expect(r.meeting.chair).toBe("Ama Mensah");
  });
  it("a paragraph on several actions by their subjects, sentence by sentence", async () => {
    const r = await record(
      "| الرقم | الإجراء | الجهة المسؤولة | الوضع |\n| --- | --- | --- | --- |\n| 1 | نشر تقرير الموازنة المبسطة للمواطن | دائرة الموازنة العامة | أنجز |\n| 2 | إطلاق المرحلة الثانية من منصة بخدمتكم | وزارة الاقتصاد الرقمي | قيد الإنجاز |\n\n" +
        "أوضح السيد خالد العمري أن الموازنة المبسطة نشرت على الموقع. وبيّن المهندس عمر الزعبي أن المرحلة الثانية من منصة بخدمتكم في مرحلة الاختبار. وأبدت السيدة لينا حداد قلقها من التأخر.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["خالد العمري"], ["عمر الزعبي"]]);
  });
  it("'Mr X said the simplified budget was published. Ms Y added that phase two of the portal is in testing.' in English", async () => {
    const r = await record(
      "| No. | Action | Owner | Status |\n| --- | --- | --- | --- |\n| 1 | Publish the simplified citizens budget | Budget Department | Done |\n| 2 | Launch phase two of the complaints portal | Digital Ministry | Ongoing |\n\n" +
        "Mr Khaled Omari said the simplified citizens budget was published online. Ms Rana Haddad added that phase two of the complaints portal is in testing.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["Khaled Omari"], ["Rana Haddad"]]);
  });
  it("two sentences in a row on one commitment are one part of the paragraph, one place", async () => {
    const r = await record(
      "| No. | Action | Owner | Status |\n| --- | --- | --- | --- |\n| 1 | Publish the simplified citizens budget | Budget Department | Done |\n| 2 | Launch phase two of the complaints portal | Digital Ministry | Ongoing |\n\n" +
        "Mr Khaled Omari said the simplified citizens budget was published online. The simplified citizens budget was downloaded 4,000 times. Ms Rana Haddad added that phase two of the complaints portal is in testing.\n",
    );
    expect(r.commitments[0].notes.filter((n) => n.includes("simplified citizens budget"))).toHaveLength(1);
    expect(r.commitments[0].alsoIn).toHaveLength(1);
  });
  it("section titles numbered in ordinal words make the agenda, bold lines and a heading together", async () => {
    const r = await record("اجتماع يوم 2024/3/17.\n\n**أولاً: متابعة الإجراءات**\n\nنص.\n\n**ثانياً: النقاش**\n\nنص.\n\n# ثالثاً: ما يستجد من أعمال\n\nلا شيء.\n");
    expect(r.meeting.agenda).toEqual(["متابعة الإجراءات", "النقاش", "ما يستجد من أعمال"]);
  });
});

describe("a review of the previous session's recommendations", () => {
  it("'Mise en œuvre', 'En cours de mise en œuvre', 'Non mise en œuvre' in the status cell; 'Implemented', 'Not implemented'", async () => {
    const fr = await record(
      "| N° | Recommandation | Structure | Niveau de mise en œuvre |\n| --- | --- | --- | --- |\n| R1 | Transmettre le rapport | SP-PGO | Mise en œuvre |\n| R2 | Organiser une rencontre | SP-PGO | En cours de mise en œuvre |\n| R3 | Mobiliser le financement | DGB | Non mise en œuvre |\n",
    );
    expect(fr.commitments.map((c) => [c.number, c.status])).toEqual([
      ["R1", "completed"],
      ["R2", "in_progress"],
      ["R3", "not_completed"],
    ]);
    const en = await record("| No. | Recommendation | Owner | Status |\n| --- | --- | --- | --- |\n| R1 | Send the report | Secretariat | Implemented |\n| R2 | Fund the audit | Treasury | Not implemented |\n");
    expect(en.commitments.map((c) => c.status)).toEqual(["completed", "not_completed"]);
  });
  it("'la mise en œuvre du plan' in prose states no status", async () => {
    const r = await record("## Engagement 4 — Budget\n\nLa mise en œuvre du plan a été présentée par le Secrétariat.\n");
    expect(r.commitments[0].status).toBe("unknown");
  });
});

describe("list items that each open with their own commitment", () => {
  it("'- engagement 1, titre : réalisé à 100 % ;' one commitment per item, the paragraph after the list not the last one's", async () => {
    const r = await record(
      "Il en ressort ce qui suit :\n\n- engagement 1, publication des données budgétaires : réalisé à 100 % ;\n- engagement 2, mise en place du registre des bénéficiaires effectifs : taux d'exécution de 55 %, en cours ;\n- engagement 3, redevabilité locale : non démarré.\n\n" +
        "Madame Aminata Traoré a indiqué que le registre des bénéficiaires effectifs devrait être opérationnel avant la fin de l'année.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.progress, c.reportedBy])).toEqual([
      ["1", "publication des données budgétaires", "completed", 100, []],
      ["2", "mise en place du registre des bénéficiaires effectifs", "in_progress", 55, ["Aminata Traoré"]],
      ["3", "redevabilité locale", "not_started", null, []],
    ]);
  });
  it("'- commitment 4, open contracting: completed;' in English and '- الالتزام 2، الشفافية: منجز' in Arabic", async () => {
    const en = await record("- commitment 4, open contracting: completed;\n- commitment 5, beneficial ownership: 40%, ongoing.\n");
    expect(en.commitments.map((c) => [c.number, c.title, c.status])).toEqual([
      ["4", "open contracting", "completed"],
      ["5", "beneficial ownership", "in_progress"],
    ]);
    const ar = await record("- الالتزام 2، نشر الميزانية: منجز؛\n- الالتزام 3، السجل الوطني: بصدد الإنجاز.\n");
    expect(ar.commitments.map((c) => [c.number, c.title, c.status])).toEqual([
      ["2", "نشر الميزانية", "completed"],
      ["3", "السجل الوطني", "in_progress"],
    ]);
  });
  it("a list of decisions that only mentions commitments inside its items opens none", async () => {
    const r = await record("**Recommandations**\n\n- à la DGB : inscrire le financement de l'engagement 3 ;\n- au SP-PGO : finaliser le rapport de l'engagement 4.\n");
    expect(r.commitments).toEqual([]);
  });
});

describe("a title of office, the office, then the person's title", () => {
  it("'برئاسة عطوفة الأمين العام المهندس سامي الخطيب' names the person after the last title", async () => {
    const r = await record("عقدت اللجنة اجتماعها يوم الأحد الموافق 12/3/2023، برئاسة عطوفة الأمين العام المهندس سامي الخطيب.\n");
    expect(r.meeting.chair).toBe("سامي الخطيب");
  });
  it("'chaired by Hon. Deputy Minister Dr. Kofi Mensah' in English", async () => {
    const r = await record("Minutes of 4 March 2024.\n\nThe meeting was chaired by Hon. Deputy Minister Dr. Kofi Mensah.\n");
    expect(r.meeting.chair).toBe("Kofi Mensah");
  });
});

describe("decisions a label opens ('ACTION:', 'Décision :', 'إجراء:')", () => {
  const decisionsOf = async (text: string) => (await record(`Note of the meeting held on 9 May 2024.\n\n${text}\n`)).decisions.map((d) => [d.text, d.owner, d.date, d.commitment]);
  it("a numbered paragraph 'ACTION: X to … by DATE' is a decision with its owner, due date and commitment", async () => {
    expect(await decisionsOf("2.5 ACTION: Secretariat to write to the lead team on Commitment 3 by 24 May 2024.")).toEqual([
      ["Secretariat to write to the lead team on Commitment 3 by 24 May 2024.", "Secretariat", "2024-05-24", "3"],
    ]);
  });
  it("in French and Arabic", async () => {
    expect((await decisionsOf("Décision : le Secrétariat est chargé de transmettre le rapport avant le 30 mai 2024.")).map((d) => d[1])).toEqual(["Secrétariat"]);
    expect((await decisionsOf("إجراء: تكليف وزارة المالية بنشر التقرير قبل 30 ماي 2024.")).map((d) => d[1])).toEqual(["وزارة المالية"]);
  });
  it("not a word that only begins with the label ('Action-oriented plans were discussed.')", async () => {
    expect(await decisionsOf("Action-oriented plans were discussed at length.")).toEqual([]);
  });
});

describe("a task list of actions ('- [x] **AI-31** …', Word's check boxes)", () => {
  const minutes =
    "# Sync 2024-10-02\n\n**Facilitator:** @jkim (Jae Kim)\n\n## 1. Action items from last sync\n\n- [x] **AI-31** Publish the procurement dataset v2 (@shaddad)\n- [ ] **AI-32** Draft the data licence FAQ (@lvogt) – first draft in review\n- [ ] **AI-36** Review the glossary (@pdiaz)\n\n" +
    "## New action items\n\n- [ ] **AI-34** Chase the data-sharing agreement (@jkim), due 2024-10-16\n- [ ] **AI-35** Book the hackathon venue (@lvogt), due 2024-11-01\n";
  it("reviews the previous actions: a ticked box is done, an open one as its note says, else open", async () => {
    const r = await record(minutes);
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.statusLabel])).toEqual([
      ["AI-31", "Publish the procurement dataset v2", "completed", "☒"],
      ["AI-32", "Draft the data licence FAQ", "in_progress", "in review"],
      ["AI-36", "Review the glossary", "unknown", null],
    ]);
  });
  it("leaves the new actions, all open under a decision title, to the decisions", async () => {
    const r = await record(minutes);
    expect(r.decisions.filter((d) => d.text.includes("AI-34") || d.text.includes("AI-35")).map((d) => d.date)).toEqual(["2024-10-16", "2024-11-01"]);
  });
  it("names the chair after a repository handle ('Facilitator: @jkim (Jae Kim)')", async () => {
    expect((await record(minutes)).meeting.chair).toBe("Jae Kim");
  });
  it("reads the same boxes in French and Arabic", async () => {
    const fr = await record("## Suivi des actions\n\n- [x] A-1 Publier le jeu de données\n- [ ] A-2 Rédiger la FAQ – en relecture\n");
    expect(fr.commitments.map((c) => [c.number, c.status])).toEqual([["A-1", "completed"], ["A-2", "in_progress"]]);
    const ar = await record("## متابعة الإجراءات\n\n- [x] 1 نشر البيانات\n- [ ] 2 إعداد الدليل – قيد المراجعة\n");
    expect(ar.commitments.map((c) => [c.number, c.status])).toEqual([["1", "completed"], ["2", "in_progress"]]);
    // An Arabic-lettered code is no item number the record can hold: the item is kept, unnumbered, not the file lost.
    const lettered = await record("## متابعة الإجراءات\n\n- [x] إ-1 نشر البيانات\n- [ ] إ-2 إعداد الدليل\n");
    expect(lettered.commitments.map((c) => c.number)).toEqual([null, null]);
  });
});

describe("milestones as the part's sub-titles ('### M4 – Open budget API')", () => {
  it("are tracked items; 'Not started: blocked on …' opening the prose is the status, the reason a note", async () => {
    const r = await record(
      "## 2. Roadmap milestones\n\n### M4 – Open budget API\n\nSamir reported the API is live in beta. Status: in progress.\n\n### M5 – Beneficial ownership feed\n\nNot started: blocked on the data-sharing agreement.\n\n## 3. AOB\n\nNone.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.statusLabel])).toEqual([
      ["M4", "Open budget API", "in_progress", "in progress"],
      ["M5", "Beneficial ownership feed", "not_started", "Not started"],
    ]);
    expect(r.commitments[1].notes.join(" ")).toContain("blocked on the data-sharing agreement");
  });
});

describe("a Tunisian-style review by axes", () => {
  const table =
    "| الالتزام | الهيكل المسؤول | نسبة التقدم | الوضعية |\n| --- | --- | --- | --- |\n| 1. نشر المعطيات المفصلة للميزانية | وزارة المالية | 100% | منجز |\n| 3. تطوير بوابة النفاذ إلى المعلومة | هيئة النفاذ | 20% | متعثر |\n\n";
  it("a subject with its article ('تطوير البوابة') names the title's 'تطوير بوابة'; 'تعطل' tells work held up", async () => {
    const r = await record(table + "كما بين السيد أنيس الطرابلسي أن تطوير البوابة تعطل بسبب نقص الاعتمادات.\n");
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([[], ["أنيس الطرابلسي"]]);
  });
  it("'stalled' and 'bloqué' tell work held up in English and French", async () => {
    const en = await record("| No. | Commitment | Owner | Status |\n| --- | --- | --- | --- |\n| 1 | Open budget portal | Treasury | Ongoing |\n| 2 | Lobbying register | Ethics Office | Ongoing |\n\nMs Jane Doe said the lobbying register stalled for lack of funds.\n");
    expect(en.commitments.map((c) => c.reportedBy)).toEqual([[], ["Jane Doe"]]);
    const fr = await record("| N° | Engagement | Structure | Statut |\n| --- | --- | --- | --- |\n| 1 | Portail budgétaire ouvert | DGB | En cours |\n| 2 | Registre des lobbies | HCE | En cours |\n\nM. Paul Adjovi a indiqué que le registre des lobbies est bloqué faute de moyens.\n");
    expect(fr.commitments.map((c) => c.reportedBy)).toEqual([[], ["Paul Adjovi"]]);
  });
  it("'وتقرر ما يلي:' opens the decisions; 'يوم تحسيسي … بولاية صفاقس يوم 4 جويلية 2024' is an event", async () => {
    const r = await record(
      "انعقدت يوم الخميس 13 جوان 2024 جلسة عمل.\n\nوتم الإعلام بتنظيم يوم تحسيسي حول الحكومة المفتوحة بولاية صفاقس يوم 4 جويلية 2024.\n\n**وتقرر ما يلي:**\n\n- مراسلة وزارة المالية لتوفير الاعتمادات قبل موفى جويلية 2024.\n- عقد الجلسة القادمة خلال شهر سبتمبر 2024.\n",
    );
    expect(r.events).toMatchObject([{ date: "2024-07-04", place: "صفاقس" }]);
    expect(r.decisions.map((d) => d.text)).toEqual(["مراسلة وزارة المالية لتوفير الاعتمادات قبل موفى جويلية 2024.", "عقد الجلسة القادمة خلال شهر سبتمبر 2024."]);
  });
});

describe("a sentence that introduces the decisions", () => {
  it("'After deliberations, the NSC resolved as follows:' and 'Il a été décidé ce qui suit :' are no decisions; their items are", async () => {
    const en = await record("Minutes of 22 February 2024.\n\n7.1 After deliberations, the NSC resolved as follows:\n\n1. The Secretariat to circulate the programme by 15th March, 2024.\n");
    expect(en.decisions.map((d) => d.text)).toEqual(["The Secretariat to circulate the programme by 15th March, 2024."]);
    const fr = await record("Réunion du 7 mars 2024.\n\nIl a été décidé ce qui suit :\n\n- transmettre le rapport avant le 30 mars 2024.\n");
    expect(fr.decisions.map((d) => d.text)).toEqual(["transmettre le rapport avant le 30 mars 2024."]);
  });
});
