/** The item-paragraphs layout on trees built in code: titles after a lead word, rates told after a status. */
import { describe, expect, it } from "vitest";
import { extract, facts, h, p } from "../tree-builders.js";

describe("paragraphs that each review one commitment", () => {
  const record = extract([
    h(2, "3. Updates on the implementation of the action plan"),
    p("Regarding Commitment 7 on open contracting, Mr. Paolo Mendoza reported that award notices are now published. The commitment is completed."),
    p("Commitment 4, on citizen participatory audits, is delayed because two audits were postponed."),
    p("As to Commitment 11 on beneficial ownership transparency, Mr. Ramon Dizon reported that the register is partially complete, at 40%."),
    p("On Commitment 1, the citizen's budget, Ms. Liza Santos said that it is partially completed and that downloads rose by 35%."),
  ]);

  it("takes the title after the lead word, up to the clause's end", () => {
    expect(facts(record).map((c) => [c.number, c.title])).toEqual([
      ["7", "open contracting"],
      ["4", "citizen participatory audits"],
      ["11", "beneficial ownership transparency"],
      ["1", "the citizen's budget"],
    ]);
  });

  it("reads a percent right after the status as the rate, not a figure of something else", () => {
    expect(facts(record).map((c) => [c.number, c.status, c.progress])).toEqual([
      ["7", "completed", null],
      ["4", "in_progress", null],
      ["11", "partially_completed", 40],
      ["1", "partially_completed", null],
    ]);
  });
});

describe("Arabic paragraphs that each review one commitment", () => {
  const record = extract([
    p("بخصوص الالتزام رقم 3 المتعلق بنشر المعطيات المفتوحة للجماعات الترابية، أفادت السيدة نادية بنعلي بأن هذا الالتزام قد تم إنجازه بالكامل."),
    p("وبالنسبة للالتزام رقم 10 حول الحق في الحصول على المعلومات بالإدارات الجهوية، فلم يتم الشروع بعد في تنفيذه."),
    p("كما أفادت السيدة سلمى الإدريسي بأن الالتزام رقم 12 المتعلق بإشراك المجتمع المدني في تتبع الميزانية أنجز جزئيا، حيث تم تنظيم ورشتين من أصل خمس."),
  ]);

  it("reads the number after لـ without the article's alef, the title after its lead word and before the status", () => {
    expect(facts(record).map((c) => [c.number, c.title, c.status])).toEqual([
      ["3", "نشر المعطيات المفتوحة للجماعات الترابية", "completed"],
      ["10", "الحق في الحصول على المعلومات بالإدارات الجهوية", "not_started"],
      ["12", "إشراك المجتمع المدني في تتبع الميزانية", "partially_completed"],
    ]);
  });
});

describe("a title told right before the status", () => {
  it("leaves the linking word to the sentence, in each language", () => {
    const record = extract([
      p("أما الالتزام رقم 5 حول الميزانية التشاركية فهو بصدد الإنجاز."),
      p("Commitment 6 on the budget portal is completed."),
      p("L'engagement 7 relatif au budget citoyen est partiellement réalisé."),
    ]);
    expect(facts(record).map((c) => [c.number, c.title, c.status])).toEqual([
      ["5", "الميزانية التشاركية", "in_progress"],
      ["6", "the budget portal", "completed"],
      ["7", "budget citoyen", "partially_completed"],
    ]);
  });
});
