/**
 * Rules added after the lead's held-out minutes of session 19 (UK-style numbered paragraphs,
 * a Jordanian record under axis titles), each on wordings those documents do not contain.
 * Each test builds a tiny Markdown document in code and reads it with the real reader.
 */
import { describe, expect, it } from "vitest";
import { foldWithMap } from "../src/extract/match.js";
import { statedRate } from "../src/extract/record-builder.js";
import { markdownTable, record } from "./markdown-minutes.js";

describe("a numbered paragraph giving its title before a colon, then its report", () => {
  it("keeps the title to the words before the colon and reads the sentences after it", async () => {
    const r = await record(
      "## Item 2: Action plan\n\n" +
        "4. Commitment 7 – Citizen budgets: Ms Léa Martin said the citizen budget was published in May. The commitment is complete.\n" +
        "5. Commitment 9 – Open land data: the work has not started, as the survey is still awaited.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.reportedBy])).toEqual([
      ["7", "Citizen budgets", "completed", ["Léa Martin"]],
      ["9", "Open land data", "not_started", []],
    ]);
  });

  it("leaves a colon inside a title alone when no sentence follows it", async () => {
    const r = await record("**Commitment 2 – Open data: budgets and procurement**\n\nStatus: Completed\n");
    expect(r.commitments.map((c) => [c.number, c.title, c.status])).toEqual([["2", "Open data: budgets and procurement", "completed"]]);
  });

  it("still reads a status in brackets before the colon", async () => {
    const r = await record("- Commitment 4 – Whistleblower portal (completed): the portal was launched in March by the ministry.\n");
    expect(r.commitments.map((c) => [c.number, c.title, c.status])).toEqual([["4", "Whistleblower portal", "completed"]]);
  });
});

describe("a rate told with a status in prose", () => {
  it("is the percent two words after the status, punctuation apart", () => {
    expect(statedRate(foldWithMap("The register is on track, with around 50% of the work done."))).toBe(50);
    expect(statedRate(foldWithMap("Le projet est en cours, soit 40 % des communes."))).toBe(40);
    expect(statedRate(foldWithMap("The portal is on track; downloads rose by 35% this year."))).toBeNull();
  });

  it("gives the prose status too when only a percent was given beside it", async () => {
    const r = await record("**Commitment 5: Land registry**\n\nThe extension is on track, with around 50% of the work done.\n");
    expect(r.commitments.map((c) => [c.status, c.progress])).toEqual([["in_progress", 50]]);
  });
});

describe("a title giving the floor to a speaker", () => {
  it("makes the speaker the reporter of the items under it, until the next speaker", async () => {
    const r = await record(
      "**Update from Ms Jane Doe, Ministry of Finance:**\n\n" +
        "- Commitment 1 – Budget portal: completed. The portal is live.\n" +
        "- Commitment 2 – Citizen budget: in progress, with the print edition due in June.\n\n" +
        "**Intervention de M. Karim Haddad, représentant de l'Instance :**\n\n" +
        "- Engagement 3 – Registre des associations : réalisé. Le registre est en ligne.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.reportedBy])).toEqual([
      ["1", "Budget portal", "completed", ["Jane Doe"]],
      ["2", "Citizen budget", "in_progress", ["Jane Doe"]],
      ["3", "Registre des associations", "completed", ["Karim Haddad"]],
    ]);
  });

  it("in Arabic too, and not past a section title", async () => {
    const r = await record(
      "**مداخلة السيدة سلمى الحمدي، ممثلة وزارة المالية:**\n\n" +
        "- الالتزام 4 – نشر الميزانية: منجز. تم نشر الميزانية على البوابة.\n\n" +
        "**ثانيا: متابعة الالتزامات الأخرى**\n\n" +
        "- الالتزام 6 – منصة الشكاوى: بصدد الإنجاز. تم اختيار المزود.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.reportedBy])).toEqual([
      ["4", ["سلمى الحمدي"]],
      ["6", []],
    ]);
  });

  it("is no speaker's title without a person", async () => {
    const r = await record("**Update from the ministries:**\n\n- Commitment 1 – Budget portal: completed. The portal is live.\n");
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([[]]);
  });
});

describe("a paragraph reviewing an item in prose", () => {
  it("takes the status told after the item over one told before it about something else, and ends the title at the auxiliary", async () => {
    const r = await record(
      "Mme Hela Gharbi a salué les progrès réalisés et a regretté que l'engagement 9 relatif aux marchés publics ouverts n'ait pas encore démarré.\n\n" +
        "M. Anis Ben Youssef a précisé que l'engagement 11 relatif au registre des associations est achevé.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status])).toEqual([
      ["9", "marchés publics ouverts", "not_started"],
      ["11", "registre des associations", "completed"],
    ]);
  });
});

describe("the head of Moroccan minutes", () => {
  it("reads the chair from a key cell written as a chair phrase without its colon, in each language", async () => {
    const ar = await record("| التاريخ | الثلاثاء 5 مارس 2024 |\n| --- | --- |\n| ترأس الاجتماع | السيد يوسف العلمي، الكاتب العام |\n\nنص.\n");
    expect(ar.meeting.chair).toBe("يوسف العلمي");
    const fr = await record("| Date | 5 mars 2024 |\n| --- | --- |\n| Président de séance | M. Karim Alaoui, secrétaire général |\n\nTexte.\n");
    expect(fr.meeting.chair).toBe("Karim Alaoui");
  });

  it("reads an agenda under 'نقط جدول الأعمال'", async () => {
    const r = await record("**نقط جدول الأعمال**\n\n1. تتبع تنفيذ الإجراءات\n2. برمجة الأنشطة\n\nنص الاجتماع.\n");
    expect(r.meeting.agenda).toEqual(["تتبع تنفيذ الإجراءات", "برمجة الأنشطة"]);
  });
});

describe("a status cell of one word that in prose is an auxiliary", () => {
  it("is done as the whole cell: 'تم', 'Fait'", async () => {
    const ar = await record("# محضر\n\n" + markdownTable("الرقم|الإجراء|الوضعية", [["1.1", "إعداد دليل النشر", "تم"], ["1.2", "إطلاق البوابة", "لم يتم"]]));
    const fr = await record("# Compte rendu\n\n" + markdownTable("N°|Action|État", [["1", "Former les agents", "Fait"]]));
    expect(ar.commitments.map((c) => [c.number, c.status])).toEqual([
      ["1.1", "completed"],
      ["1.2", "not_completed"],
    ]);
    expect(fr.commitments.map((c) => c.status)).toEqual(["completed"]);
  });

  it("is no status in a sentence", async () => {
    const r = await record("**الالتزام 3: نشر الميزانية**\n\nتم تكليف الوزارة بإعداد التقرير.\n");
    expect(r.commitments.map((c) => c.status)).toEqual(["unknown"]);
  });
});

describe("the chair in an attendance list typed one person a line", () => {
  it("is the person whose line carries the marker, with a body in brackets after it", async () => {
    const r = await record(
      "**PRESENT**\n\nMs. Adjoa Mensima – Ministry of Information\n\nDr. Kwesi Appiah – Chairperson (Office of the President)\n\nMr. Yaw Ofori – Ghana Integrity Initiative\n\nThe meeting opened at 10 am.\n",
    );
    expect(r.meeting.chair).toBe("Kwesi Appiah");
  });

  it("in one block of lines too", async () => {
    const r = await record("PRESENT\n\nMme Awa Diallo – Ministère des Finances  \nM. Ousmane Ba – Président (Primature)  \nM. Ali Sow – Société civile\n\nLa séance est ouverte.\n");
    expect(r.meeting.chair).toBe("Ousmane Ba");
  });
});

describe("notes kept in a repository", () => {
  it("keep an action code's digits as the log writes them", async () => {
    const r = await record("| # | Action | Owner | Status |\n|---|---|---|---|\n| A-07 | Publish the spending data | Daniel | ✅ Done |\n| AP-012 | Draft the licence | Priya | In progress |\n");
    expect(r.commitments.map((c) => [c.number, c.status])).toEqual([
      ["A-07", "completed"],
      ["AP-012", "in_progress"],
    ]);
  });

  it("track milestones reviewed in bold list items, their status after the colon or in a sentence of its own", async () => {
    const r = await record(
      "## Milestones\n\n" +
        "- **Milestone 2.1 – Open procurement data:** Aisha reported the feed is live. *Complete.*\n" +
        "- **Milestone 2.3 – Open budget portal:** on track, 60% done.\n" +
        "- **Jalon 3.1 – Registre foncier :** en cours.\n",
    );
    expect(r.commitments.map((c) => [c.number, c.title, c.status, c.progress])).toEqual([
      ["2.1", "Open procurement data", "completed", null],
      ["2.3", "Open budget portal", "in_progress", 60],
      ["3.1", "Registre foncier", "in_progress", null],
    ]);
  });
});

describe("a dateline over the minutes ('Cotonou, le 22 novembre 2023')", () => {
  it("gives way to the date the opening sentence states, even when a venue or the session is named after it", async () => {
    const r = await record(
      "Cotonou, le 22 novembre 2023\n\n**COMPTE RENDU DE LA SESSION ORDINAIRE DU COMITÉ**\n\n" +
        "L'an deux mille vingt-trois, le mardi 21 novembre, s'est tenue dans la salle de conférence du Ministère la sixième session ordinaire du Comité.\n",
    );
    expect(r.meeting.date).toBe("2023-11-21");
  });

  it("stays the date when the next date the head states is an event's", async () => {
    const r = await record("Accra, 12 March 2024\n\n**MINUTES OF THE STEERING COMMITTEE**\n\nA training workshop will be held on 4 April 2024 in Kumasi.\n");
    expect(r.meeting.date).toBe("2024-03-12");
  });
});
