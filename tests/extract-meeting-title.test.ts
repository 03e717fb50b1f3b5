/** The meeting's title: the longest heading that numbers no section, a plain text's first line, the front matter's title. */
import { describe, expect, it } from "vitest";
import { extractRecord } from "../src/extract/index.js";
import { readMarkdown, readText } from "../src/ingest/text.js";

const encoder = new TextEncoder();
const titleOf = async (md: string) => extractRecord(await readMarkdown(encoder.encode(md), "m.md"), { sha256: "0".repeat(64) }).meeting.title;
const titleOfText = async (text: string) => extractRecord(await readText(encoder.encode(text), "m.txt"), { sha256: "0".repeat(64) }).meeting.title;

describe("the meeting's title", () => {
  it("is no numbered section heading, however long", async () => {
    expect(await titleOf("# Conseil consultatif\n\n## Ordre du jour\n1. Introduction\n\n## 1. Introduction\n\n## 2. Gouvernement ouvert/Sommet sur le gouvernement ouvert\n\n" + "Texte long ".repeat(20))).toBe(
      "Conseil consultatif",
    );
    expect(await titleOf("# محضر\n\n## 2. متابعة تنفيذ التعهدات المدرجة بخطة العمل الوطنية\n\n" + "نص طويل ".repeat(20))).toBe("محضر");
  });

  it("is no bold label line", async () => {
    expect(await titleOf("# Comité national de pilotage\n\n**Présidente : Mme Awa Diop, ministre de la Fonction publique et du Renouveau du service public**\n\n" + "Texte long ".repeat(20))).toBe(
      "Comité national de pilotage",
    );
  });

  it("is a plain text's short first line, or the front matter's title when nothing else names one", async () => {
    expect(await titleOfText("22 March 2017 - Officials Group meeting: minutes\n\nOfficials Group\n\n" + "The group met. ".repeat(10))).toBe(
      "22 March 2017 - Officials Group meeting: minutes",
    );
    expect(await titleOfText("الجمهورية التونسية\n\nمحضر جلسة اللجنة الاستشارية المشتركة\n\nوقد تمت المصادقة على محضر الجلسة الفارطة المنعقدة يوم 10 جانفي 2023.")).toBe(
      "محضر جلسة اللجنة الاستشارية المشتركة",
    );
    expect(await titleOfText("Present:\n\nThe group met and reviewed the plan of the year in detail with every member of it present.")).toBeNull();
    expect(await titleOf("---\ntitle: Meeting 03\n---\n\n" + "The group met and reviewed the plan of the year in detail with every member of it present today.")).toBe("Meeting 03");
  });
});
