/**
 * Word's list and heading numbers, computed as Word displays them (ECMA-376 part 1, 17.9).
 *
 * mammoth says only whether a paragraph is in an ordered list and at which level; the number
 * itself is Word's to compute, and an extractor that counts items gets it wrong as soon as a
 * numbering definition is shared by several lists, restarted by an override, linked to the
 * heading styles, or shows several levels ("2.3", "(b)", "III."). Here:
 * - word/numbering.xml defines abstract numberings (w:abstractNum: up to nine levels, each with
 *   a start, a format and a level text such as "%1.%2.") and numbering instances (w:num) that
 *   point to one and may override a level's start (w:lvlOverride/w:startOverride) or the whole
 *   level (w:lvlOverride/w:lvl);
 * - the counters belong to the abstract numbering: every instance of it continues the same
 *   sequence, except that an instance with a start override restarts that level where it is
 *   first used (so does a level the instance redefines); using a level restarts the deeper
 *   levels (unless w:lvlRestart says otherwise);
 * - a paragraph names its numbering directly (w:numPr) or through its paragraph style, and the
 *   level of a style-linked numbering is the level whose w:pStyle is that style.
 */
import { attribute, child, children, onOff, type NumberingReference, type StyleSheet } from "./docx-styles.js";
import type { MammothXmlElement } from "./docx-xml.js";

interface LevelDefinition {
  start: number;
  format: string;
  text: string;
  /** w:lvlRestart: restart after a use of a level above this one (1-based); 0 never restarts. */
  restart?: number;
  /** w:isLgl: the other levels' numbers shown as decimal in this level's text ("1.1" under "I."). */
  legal: boolean;
  paragraphStyle?: string;
}

interface AbstractNumbering {
  id: string;
  levels: Map<number, LevelDefinition>;
  /** w:numStyleLink: the definition lives in a numbering style. */
  numberingStyleLink?: string;
}

interface NumberingInstance {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDefinition>;
}

/** A numbered paragraph as Word shows it. */
export interface ParagraphNumber {
  /** 0 is the outermost level. */
  level: number;
  /** False for bullets. */
  ordered: boolean;
  /** The level's counter (also for letters and roman numerals: "c" is 3); null for bullets. */
  value: number | null;
  /** The text Word shows before the paragraph ("2.3.", "(b)", "III."); empty for bullets and "none". */
  label: string;
  /** The numbering instance: items of one list share it. */
  numId: string;
  abstractId: string;
}

const LEVEL_COUNT = 9;

function readLevel(element: MammothXmlElement): LevelDefinition {
  const start = Number(attribute(child(element, "w:start")) ?? "1");
  const restart = attribute(child(element, "w:lvlRestart"));
  const paragraphStyle = attribute(child(element, "w:pStyle"));
  const level: LevelDefinition = {
    start: Number.isFinite(start) ? start : 1,
    format: attribute(child(element, "w:numFmt")) ?? "decimal",
    text: attribute(child(element, "w:lvlText")) ?? "",
    legal: onOff(child(element, "w:isLgl")) === true,
  };
  if (restart !== undefined) level.restart = Number(restart);
  if (paragraphStyle !== undefined) level.paragraphStyle = paragraphStyle;
  return level;
}

function levelIndex(element: MammothXmlElement): number {
  return Number(attribute(element, "w:ilvl") ?? "0") || 0;
}

export class NumberingDefinitions {
  private constructor(
    private readonly abstracts: Map<string, AbstractNumbering>,
    private readonly instances: Map<string, NumberingInstance>,
    /** Paragraph style id -> the numbering and level whose w:pStyle links it. */
    readonly levelsOfStyles: Map<string, { abstractId: string; level: number }>,
  ) {}

  static readonly empty = new NumberingDefinitions(new Map(), new Map(), new Map());

  static read(root: MammothXmlElement): NumberingDefinitions {
    const abstracts = new Map<string, AbstractNumbering>();
    const levelsOfStyles = new Map<string, { abstractId: string; level: number }>();
    for (const element of children(root, "w:abstractNum")) {
      const id = attribute(element, "w:abstractNumId") ?? "";
      const abstract: AbstractNumbering = { id, levels: new Map() };
      for (const levelElement of children(element, "w:lvl")) {
        const level = levelIndex(levelElement);
        const definition = readLevel(levelElement);
        abstract.levels.set(level, definition);
        if (definition.paragraphStyle !== undefined && !levelsOfStyles.has(definition.paragraphStyle)) {
          levelsOfStyles.set(definition.paragraphStyle, { abstractId: id, level });
        }
      }
      const link = attribute(child(element, "w:numStyleLink"));
      if (link !== undefined) abstract.numberingStyleLink = link;
      abstracts.set(id, abstract);
    }
    const instances = new Map<string, NumberingInstance>();
    for (const element of children(root, "w:num")) {
      const numId = attribute(element, "w:numId");
      const abstractId = attribute(child(element, "w:abstractNumId"));
      if (numId === undefined || abstractId === undefined) continue;
      const instance: NumberingInstance = { abstractId, startOverrides: new Map(), levelOverrides: new Map() };
      for (const override of children(element, "w:lvlOverride")) {
        const level = levelIndex(override);
        const start = attribute(child(override, "w:startOverride"));
        if (start !== undefined && Number.isFinite(Number(start))) instance.startOverrides.set(level, Number(start));
        const definition = child(override, "w:lvl");
        if (definition) instance.levelOverrides.set(level, readLevel(definition));
      }
      instances.set(numId, instance);
    }
    return new NumberingDefinitions(abstracts, instances, levelsOfStyles);
  }

  instance(numId: string): NumberingInstance | undefined {
    return this.instances.get(numId);
  }

  /** The abstract numbering that holds the levels, following a numbering style link (w:numStyleLink) once. */
  abstractOf(instance: NumberingInstance, styles: StyleSheet): AbstractNumbering | undefined {
    const abstract = this.abstracts.get(instance.abstractId);
    if (!abstract?.numberingStyleLink) return abstract;
    const linkedNum = styles.numberingStyle(abstract.numberingStyleLink)?.numId;
    const linked = linkedNum === undefined ? undefined : this.instances.get(linkedNum);
    const target = linked && this.abstracts.get(linked.abstractId);
    return target && !target.numberingStyleLink ? target : abstract;
  }
}

/** Counts paragraphs in reading order and says what number each one shows. */
export class NumberingCounter {
  /** Per abstract numbering: the current value of each level, null before its first use. */
  private readonly counters = new Map<string, Array<number | null>>();
  /** Start overrides already applied, as "numId:level". */
  private readonly overridesApplied = new Set<string>();

  constructor(
    private readonly definitions: NumberingDefinitions,
    private readonly styles: StyleSheet,
  ) {}

  /**
   * The number of a paragraph with this direct numbering (w:numPr) and paragraph style, or null.
   * Call it once per paragraph, in reading order: it advances the counters.
   */
  next(direct: NumberingReference | undefined, styleId: string | undefined): ParagraphNumber | null {
    const fromStyle = styleId === undefined ? undefined : this.styles.paragraphStyle(styleId).numbering;
    const reference = direct ?? fromStyle;
    // numId 0 removes the numbering a style would give.
    if (!reference || reference.numId === "0") return null;
    const instance = this.definitions.instance(reference.numId);
    if (!instance) return null;
    const abstract = this.definitions.abstractOf(instance, this.styles);
    if (!abstract) return null;
    const styleLevel = styleId === undefined ? undefined : this.definitions.levelsOfStyles.get(styleId);
    const level = Math.min(
      reference.level ?? (styleLevel && styleLevel.abstractId === abstract.id ? styleLevel.level : 0),
      LEVEL_COUNT - 1,
    );
    const definitionOf = (at: number): LevelDefinition =>
      instance.levelOverrides.get(at) ?? abstract.levels.get(at) ?? { start: 1, format: "decimal", text: "", legal: false };
    const definition = definitionOf(level);

    let counters = this.counters.get(abstract.id);
    if (!counters) {
      counters = Array.from({ length: LEVEL_COUNT }, () => null);
      this.counters.set(abstract.id, counters);
    }
    const overrideKey = `${reference.numId}:${level}`;
    // A level redefined by the instance (w:lvlOverride/w:lvl) starts afresh at its own start, as a start override does.
    const override = instance.startOverrides.get(level) ?? instance.levelOverrides.get(level)?.start;
    if (override !== undefined && !this.overridesApplied.has(overrideKey)) {
      this.overridesApplied.add(overrideKey);
      counters[level] = override;
    } else {
      counters[level] = counters[level] === null ? definition.start : counters[level]! + 1;
    }
    for (let deeper = level + 1; deeper < LEVEL_COUNT; deeper++) {
      const restart = definitionOf(deeper).restart ?? deeper;
      if (restart !== 0 && level < restart) counters[deeper] = null;
    }

    if (definition.format === "bullet") {
      return { level, ordered: false, value: null, label: "", numId: reference.numId, abstractId: abstract.id };
    }
    const label = definition.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const shown = definitionOf(at);
      const value = counters![at] ?? shown.start;
      return formatNumber(value, definition.legal && at !== level ? "decimal" : shown.format);
    });
    return { level, ordered: true, value: counters[level], label, numId: reference.numId, abstractId: abstract.id };
  }
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

function roman(value: number): string {
  let rest = value;
  let out = "";
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      out += letters;
      rest -= amount;
    }
  }
  return out;
}

/** Word's letter numbering: a..z, then aa..zz, aaa..: the letter repeated, not a base-26 count. */
function letters(value: number, alphabet: readonly string[]): string {
  const index = (value - 1) % alphabet.length;
  return alphabet[index]!.repeat(Math.floor((value - 1) / alphabet.length) + 1);
}

const LATIN = Array.from("abcdefghijklmnopqrstuvwxyz");
/** The Arabic alphabet in its dictionary order (Word's arabicAlpha). */
const ARABIC_ALPHA = Array.from("أبتثجحخدذرزسشصضطظعغفقكلمنهوي");
/** The Arabic letters in their abjad (numeral) order (Word's arabicAbjad): أ ب ج د ه و ز ح ط ي ... */
const ARABIC_ABJAD = Array.from("أبجدهوزحطيكلمنسعفصقرشتثخذضظغ");

/** A counter value in one of Word's number formats (w:numFmt); formats not listed here show as decimal. */
export function formatNumber(value: number, format: string): string {
  if (value <= 0 && format !== "decimal" && format !== "decimalZero") return String(value);
  switch (format) {
    case "none":
      return "";
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    case "upperRoman":
      return roman(value);
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperLetter":
      return letters(value, LATIN).toUpperCase();
    case "lowerLetter":
      return letters(value, LATIN);
    case "arabicAlpha":
      return letters(value, ARABIC_ALPHA);
    case "arabicAbjad":
      return letters(value, ARABIC_ABJAD);
    case "decimalEnclosedParen":
      return `(${value})`;
    default:
      // decimal, and Arabic-Indic or full-width digits, which the text normalizer turns into these anyway.
      return String(value);
  }
}
