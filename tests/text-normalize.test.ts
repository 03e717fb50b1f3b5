import { describe, expect, it } from "vitest";
import { BULLET, foldForMatch, normalizeText, toAsciiDigits } from "../src/text/normalize.js";

describe("normalizeText", () => {
  it("turns the care-of sign some fonts use for percent into % before NFKC can make it c/o", () => {
    expect(normalizeText("( 100 )℅")).toBe("( 100 )%");
    expect(normalizeText("كلية(100℅)")).toBe("كلية(100%)");
    expect("℅".normalize("NFKC")).toBe("c/o"); // why the order matters
  });

  it("turns the Arabic percent sign and Arabic-Indic digits into ASCII", () => {
    expect(normalizeText("٧٥٪")).toBe("75%");
    expect(normalizeText("۱۲۳")).toBe("123");
    expect(toAsciiDigits("٣٫٥ و ١٬٠٠٠")).toBe("3.5 و 1,000");
  });

  it("replaces bidi controls by a space so numbers do not glue to words", () => {
    // pdftotext's output for "تعهد عدد 10:" wraps the RTL and LTR runs in embeddings.
    expect(normalizeText("\u202Bتعهد عدد \u202A:10\u202Cتفعيل")).toBe("تعهد عدد :10 تفعيل");
    expect(normalizeText("المرحلة\u200F3\u200Eمن")).toBe("المرحلة 3 من");
    expect(normalizeText("a\u2066b\u2069c\u061Cd")).toBe("a b c d");
  });

  it("re-attaches a shadda or haraka that PDF extraction split off its letter", () => {
    expect(normalizeText("تم ّ تنفيذه")).toBe("تمّ تنفيذه");
    expect(normalizeText("تم \u202Cّ")).toBe("تمّ");
    expect(normalizeText("كتب  َ")).toBe("كتبَ");
  });

  it("turns private-use and typographic bullets at line start into one marker", () => {
    expect(normalizeText("\uF06C\u202C تقديم المستجدات")).toBe(`${BULLET} تقديم المستجدات`);
    expect(normalizeText("\uF0B7 first\n\uF0A7second\n▪ third\n◦ fourth\n‣ fifth\n⁃ sixth\n· seventh")).toBe(
      ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"].map((w) => `• ${w}`).join("\n"),
    );
    expect(normalizeText("\uF0D8")).toBe("•");
  });

  it("leaves bullet-like glyphs inside a line and check marks alone", () => {
    expect(normalizeText("a · b")).toBe("a · b");
    expect(normalizeText("✓ done")).toBe("✓ done");
  });

  it("maps every kind of space to one space, trims lines and keeps paragraph breaks", () => {
    expect(normalizeText("\u00A0 a\u202Fb\u2003\tc  \r\n\r\n\r\n\r\n d \u3000")).toBe("a b c\n\nd");
    expect(normalizeText("  \t ")).toBe("");
  });

  it("removes tatweel, zero-width characters, soft hyphens and other controls", () => {
    expect(normalizeText("الـــلجنة")).toBe("اللجنة");
    expect(normalizeText("a\u200Bb\uFEFFc\u00ADd\u0007e\u200Df")).toBe("abcdef");
  });

  it("keeps a zero-width non-joiner between letters (Persian) and drops it elsewhere", () => {
    expect(normalizeText("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(normalizeText("\u200C10 \u200C")).toBe("10");
  });

  it("folds Arabic presentation forms and ligatures with NFKC", () => {
    expect(normalizeText("\uFEFB\uFEE0\uFEE8\uFEA0\uFE94")).toBe("لالنجة");
  });

  it("is idempotent", () => {
    const samples = ["( 100 )℅", "تم ّ", "\uF06C x\n\n\n\n· y", "٧٥٪ \u200F مثلا", "a\u00A0 b"];
    for (const s of samples) expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
  });
});

describe("foldForMatch", () => {
  it("removes harakat and dagger alef, unifies alef forms and alef maksura, keeps ta marbuta", () => {
    expect(foldForMatch("تمَّ")).toBe("تم");
    expect(foldForMatch("هٰذا")).toBe("هذا");
    expect(foldForMatch("أنجز إنجاز آخر ٱلـ")).toBe("انجز انجاز اخر ال");
    expect(foldForMatch("على")).toBe("علي");
    expect(foldForMatch("اللجنة")).toBe("اللجنة");
  });

  it("keeps hamza on waw and ya distinct from the bare letters", () => {
    expect(foldForMatch("مسؤول")).toBe("مسؤول");
    expect(foldForMatch("رئيس")).toBe("رئيس");
  });

  it("lowercases and folds Latin diacritics", () => {
    expect(foldForMatch("Réalisé À ÉTÉ")).toBe("realise a ete");
    expect(foldForMatch("Taux de réalisation : 75 %")).toBe("taux de realisation : 75 %");
  });
});
