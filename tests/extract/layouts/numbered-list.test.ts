/** The numbered-list layout on trees built in code: statuses in the items, and what follows the list. */
import { describe, expect, it } from "vitest";
import { extract, facts, ol, p } from "../tree-builders.js";

describe("a numbered list of commitments with the status in parentheses", () => {
  const record = extract([
    p("قدمت منسقة خطة العمل عرضا حول مدى تقدم تنفيذ الالتزامات، وجاءت وضعيتها كما يلي:"),
    ol([
      "الالتزام عدد 1: نشر الميزانية البلدية في صيغة مفتوحة (منجز): تم نشر ميزانية 2024.",
      "الالتزام عدد 2: إحداث مكتب للنفاذ إلى المعلومة (بصدد الإنجاز – 70%): تم تعيين المكلف بالنفاذ.",
      "الالتزام عدد 3: تركيز مجالس الأحياء (ملغى): قررت اللجنة إلغاء هذا الالتزام ودمجه في الالتزام عدد 1.",
    ]),
    p("وبخصوص الالتزام عدد 2، أفاد السيد كريم الحمامي بأن منظومة متابعة مطالب النفاذ ستكون جاهزة موفى شهر جوان."),
  ]);

  it("reads each item's title and status, a closing word as a label without status", () => {
    expect(facts(record).map((c) => [c.number, c.title, c.status, c.statusLabel, c.progress])).toEqual([
      ["1", "نشر الميزانية البلدية في صيغة مفتوحة", "completed", "منجز", null],
      ["2", "إحداث مكتب للنفاذ إلى المعلومة", "in_progress", "بصدد الإنجاز", 70],
      ["3", "تركيز مجالس الأحياء", "unknown", "ملغى", null],
    ]);
  });

  it("gives a paragraph after the list that opens on another item to that item, with its speaker", () => {
    const [, second, third] = record.commitments;
    expect(third.notes.join(" ")).not.toContain("كريم الحمامي");
    expect(second.notes.join(" ")).toContain("كريم الحمامي");
    expect(second.reportedBy).toEqual(["كريم الحمامي"]);
  });
});

describe("a numbered list of updates that name their commitments", () => {
  const record = extract([
    p("The Secretariat presented the following updates on the commitments of the National Action Plan:"),
    ol([
      "Open contracting portal (Commitment 4) – Completed. All tenders were migrated to the e-procurement system.",
      "Right to Information compliance (Commitment 1) – Ongoing. 68% of public institutions have designated information officers.",
      "Citizens' budget (Commitment 2) – In progress (40%).",
      "Extractive revenue data (Commitment 5) – Merged into Commitment 4 at the last meeting.",
    ]),
    p("Regarding Commitment 1, Mr. Yaw Darko added that the Commission has trained 340 information officers and will publish its compliance rankings in April."),
  ]);

  it("numbers each record by the commitment it names, not by its place in the list", () => {
    expect(facts(record).map((c) => [c.number, c.title, c.status, c.statusLabel])).toEqual([
      ["4", "Open contracting portal", "completed", "Completed"],
      ["1", "Right to Information compliance", "in_progress", "Ongoing"],
      ["2", "Citizens' budget", "in_progress", "In progress"],
      ["5", "Extractive revenue data", "unknown", "Merged into"],
    ]);
    expect(record.commitments[1].reportedBy).toEqual(["Yaw Darko"]);
  });

  it("takes a percent standing with the status, not one in the prose after it", () => {
    expect(facts(record).map((c) => c.progress)).toEqual([null, null, 40, null]);
  });
});
