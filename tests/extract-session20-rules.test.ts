/**
 * Rules found on the lead's held-out minutes of session 20 (a Nigeria-style national steering
 * committee): decimal section numbers ("5.0", "6.0"), a chair named in apposition to the chair's
 * office, a signature line naming the chair's office after the person, "will hold" events.
 */
import { describe, expect, it } from "vitest";
import { markdownTable, record } from "./markdown-minutes.js";

describe("decimal section numbers", () => {
  it("'6.0 OGP WEEK' after '5.0 PROGRESS REPORT ON COMMITMENTS' is the next part, not a commitment", async () => {
    const r = await record(
      "**5.0 PROGRESS REPORT ON NAP III COMMITMENTS**\n\n**5.1 Open budget**\n\nThe citizens' budget was published. Completed.\n\n" +
        "**6.0 OGP WEEK 2024**\n\n6.1 The Secretariat informed members of the dates.\n\n**7.0 RESOLUTIONS**\n\n7.1 The NSC resolved to meet in May.\n",
    );
    expect(r.commitments.map((c) => c.number)).toEqual(["5.1"]);
  });
  it("'Partie 3' numbering stays: '3.1', '3.2' under '3. Suivi des engagements' are commitments", async () => {
    const r = await record("## 3. Suivi des engagements\n\n**3.1 Budget citoyen**\n\nRéalisé.\n\n**3.2 Données ouvertes**\n\nEn cours.\n\n## 4. Divers\n\nRien.\n");
    expect(r.commitments.map((c) => c.number)).toEqual(["3.1", "3.2"]);
  });
});

describe("the chair named beside the chair's office", () => {
  it("'The Government Co-Chair, Barr. Chinedu Okafor, presided' names the chair after the comma", async () => {
    const r = await record("2.1 The meeting was called to order at 10.25 a.m. The Government Co-Chair, Barr. Chinedu Okafor, presided and welcomed members.\n");
    expect(r.meeting.chair).toBe("Chinedu Okafor");
  });
  it("a signature line 'Barr. X, Government Co-Chair   Mrs. Y, Secretary' does not make Y the chair", async () => {
    const r = await record("The meeting ended at 1 p.m.\n\nSigned: Barr. Chinedu Okafor, Government Co-Chair    Mrs. Folake Ajayi, Secretary\n");
    expect(r.meeting.chair).not.toBe("Folake Ajayi");
  });
  it("a chair label after a venue's comma ('…، بيروت رئيس الجلسة الدكتورة …') is a label, not an apposition", async () => {
    const r = await record("المكان قاعة الاجتماعات الكبرى، بيروت رئيس الجلسة الدكتورة نادين الحسيني، رئيسة اللجنة التوجيهية\n");
    expect(r.meeting.chair).toBe("نادين الحسيني");
  });
  it("'رئيس اللجنة، الدكتور سامي الخطيب، افتتح' reads the same apposition in Arabic", async () => {
    const r = await record("افتتح الاجتماع رئيس اللجنة، الدكتور سامي الخطيب، ورحب بالحضور.\n");
    expect(r.meeting.chair).toBe("سامي الخطيب");
  });
});

describe("events", () => {
  it("'OGP Week 2024 will hold in Kaduna from 13th to 17th May, 2024' is an event with its place and range", async () => {
    const r = await record("The Secretariat informed members that OGP Week 2024 will hold in Kaduna from 13th to 17th May, 2024.\n");
    expect(r.events).toMatchObject([{ date: "2024-05-13", endDate: "2024-05-17", place: "Kaduna" }]);
  });

  it("'ورشة … ستنظم بمدينة طنجة يومي 5 و6 دجنبر 2023': the day word ends the place", async () => {
    const r = await record("أخبر المقرر الأعضاء بأن ورشة وطنية للتشاور ستنظم بمدينة طنجة يومي 5 و6 دجنبر 2023.\n");
    expect(r.events).toMatchObject([{ date: "2023-12-05", endDate: "2023-12-06", place: "طنجة" }]);
  });
});

describe("the IRM completion scale in a status column", () => {
  it("Complete, Substantial, Limited, Not started, Withdrawn", async () => {
    const r = await record(
      markdownTable("S/N|Commitment|Lead MDA|Level of completion", [
        ["1", "Open Budget", "Budget Office", "Complete"],
        ["2", "Open Contracting", "BPP", "Substantial"],
        ["3", "Beneficial ownership", "NEITI", "Limited"],
        ["4", "Asset recovery", "Justice", "Not started"],
        ["5", "Citizens' platform", "Assembly", "Withdrawn"],
      ]),
    );
    expect(r.commitments.map((c) => c.status)).toEqual(["completed", "partially_completed", "in_progress", "not_started", "unknown"]);
    expect(r.commitments[4].statusLabel).toBe("Withdrawn");
  });
});

describe("a discussion that names one commitment by its subject", () => {
  const dashboard = markdownTable("S/N|Commitment|Lead MDA|Level of completion", [
    ["1", "Open Budget: publication of the citizens' budget", "Budget Office", "Complete"],
    ["2", "Asset Recovery Management Framework", "Federal Ministry of Justice", "Not started"],
  ]);
  it("'Mr. X added that the citizens' budget had been downloaded …' reports on the one commitment whose title names it", async () => {
    const r = await record(`${dashboard}\nMr. Tunde Adeyemi added that the citizens' budget had been downloaded over 40,000 times since its release.\n`);
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["Tunde Adeyemi"], []]);
  });
  it("'M. X a précisé que le budget citoyen avait été téléchargé …' in French", async () => {
    const r = await record(
      markdownTable("N°|Engagement|Structure|Niveau", [
        ["1", "Publication du budget citoyen", "DGB", "Achevé"],
        ["2", "Cadre de recouvrement des avoirs", "Justice", "Non démarré"],
      ]) + "\nM. Kossi Agbo a précisé que le budget citoyen avait été téléchargé 40 000 fois.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["Kossi Agbo"], []]);
  });
  it("'وأفاد السيد … بأن ميزانية المواطن تم تحميلها …' in Arabic", async () => {
    const r = await record(
      markdownTable("العدد|الالتزام|الهيكل المسؤول|الحالة", [
        ["1", "نشر ميزانية المواطن", "وزارة المالية", "منجز"],
        ["2", "إطار استرداد الأصول", "وزارة العدل", "لم ينطلق"],
      ]) + "\nوأفاد السيد كريم العياري بأن ميزانية المواطن تم تحميلها 40000 مرة.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([["كريم العياري"], []]);
  });
  it("a subject two titles share names neither", async () => {
    const r = await record(
      markdownTable("S/N|Commitment|Lead MDA|Level of completion", [
        ["1", "Citizens' budget for the federation", "Budget Office", "Complete"],
        ["2", "Citizens' budget for the states", "States Forum", "Limited"],
      ]) + "\nMr. Tunde Adeyemi added that the citizens' budget had been downloaded over 40,000 times.\n",
    );
    expect(r.commitments.map((c) => c.reportedBy)).toEqual([[], []]);
  });
});
