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
