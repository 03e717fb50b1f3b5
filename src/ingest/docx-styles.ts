/**
 * Word's style sheet (word/styles.xml) as far as the reader needs it, with each style's
 * inherited properties resolved along its `w:basedOn` chain.
 *
 * mammoth gives a paragraph only its own style's name. What makes a paragraph a heading or a
 * numbered item often sits further up: a localized "Titre 1" or "عنوان 1" is a heading through
 * its outline level (w:outlineLvl, the same in every UI language) or because it is based on
 * "heading 1"; a style carries the numbering (w:numPr) of the headings it formats; a character
 * or paragraph style hides text (w:vanish) or makes it bold, for Latin (w:b) or Arabic (w:bCs).
 */
import type { MammothXmlElement } from "./docx-xml.js";

export function child(element: MammothXmlElement, name: string): MammothXmlElement | undefined {
  for (const node of element.children) if (node.type === "element" && node.name === name) return node;
  return undefined;
}

export function children(element: MammothXmlElement, name: string): MammothXmlElement[] {
  return element.children.filter((node): node is MammothXmlElement => node.type === "element" && node.name === name);
}

export function attribute(element: MammothXmlElement | undefined, name = "w:val"): string | undefined {
  return element?.attributes[name];
}

/** An on/off property (w:b, w:vanish ...): present means on unless its value says off; absent means inherited. */
export function onOff(element: MammothXmlElement | undefined): boolean | undefined {
  if (!element) return undefined;
  const value = element.attributes["w:val"];
  return value === undefined || !["false", "0", "off"].includes(value);
}

/** The run properties this reader uses, each undefined where the element does not set it. */
export interface RunFormat {
  bold?: boolean;
  /** Bold of complex-script text (Arabic, Hebrew): w:bCs, which Word applies to those letters instead of w:b. */
  boldComplex?: boolean;
  hidden?: boolean;
  /** Set as superscript (w:vertAlign): a typed footnote mark when it holds a number. */
  superscript?: boolean;
}

export function runFormat(rPr: MammothXmlElement | undefined): RunFormat {
  if (!rPr) return {};
  const format: RunFormat = {};
  const bold = onOff(child(rPr, "w:b"));
  const boldComplex = onOff(child(rPr, "w:bCs"));
  // w:specVanish hides a run as w:vanish does (a run-in heading's hidden mark).
  const hidden = onOff(child(rPr, "w:vanish")) ?? onOff(child(rPr, "w:specVanish"));
  if (bold !== undefined) format.bold = bold;
  if (boldComplex !== undefined) format.boldComplex = boldComplex;
  if (hidden !== undefined) format.hidden = hidden;
  const verticalAlignment = attribute(child(rPr, "w:vertAlign"));
  if (verticalAlignment !== undefined) format.superscript = verticalAlignment === "superscript";
  return format;
}

/** Earlier formats win: the first that sets a property decides it. */
export function mergeRunFormats(...formats: RunFormat[]): RunFormat {
  const merged: RunFormat = {};
  for (const key of ["bold", "boldComplex", "hidden", "superscript"] as const) {
    const decided = formats.find((format) => format[key] !== undefined);
    if (decided) merged[key] = decided[key];
  }
  return merged;
}

export interface NumberingReference {
  numId: string;
  /** Absent when the style or paragraph names the numbering but not its level. */
  level?: number;
}

export function numberingReference(pPr: MammothXmlElement | undefined): NumberingReference | undefined {
  const numPr = pPr && child(pPr, "w:numPr");
  if (!numPr) return undefined;
  const numId = attribute(child(numPr, "w:numId"));
  const level = attribute(child(numPr, "w:ilvl"));
  // A level without a numId inherits the style's numbering at another level: rare, and Word itself is inconsistent; ignored.
  if (numId === undefined) return undefined;
  return level === undefined ? { numId } : { numId, level: Number(level) || 0 };
}

/** w:outlineLvl: 0 is a level-1 heading, 9 is body text. */
export function outlineLevel(pPr: MammothXmlElement | undefined): number | undefined {
  const value = attribute(pPr && child(pPr, "w:outlineLvl"));
  if (value === undefined) return undefined;
  const level = Number(value);
  return Number.isInteger(level) && level >= 0 ? level : undefined;
}

interface StyleEntry {
  type: string;
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numbering?: NumberingReference;
  run: RunFormat;
}

/** A paragraph style with what it inherits: each field from the nearest style in the chain that sets it. */
export interface ResolvedParagraphStyle {
  /** Names of the style and its ancestors, nearest first. */
  names: string[];
  outlineLevel?: number;
  numbering?: NumberingReference;
  run: RunFormat;
}

/** The longest basedOn chain followed: Word's own limit is far below, and it guards against cycles. */
const MAX_CHAIN = 32;

export class StyleSheet {
  private readonly resolved = new Map<string, ResolvedParagraphStyle>();
  private readonly resolvedRuns = new Map<string, RunFormat>();

  private constructor(private readonly styles: Map<string, StyleEntry>) {}

  static readonly empty = new StyleSheet(new Map());

  static read(root: MammothXmlElement): StyleSheet {
    const styles = new Map<string, StyleEntry>();
    for (const style of children(root, "w:style")) {
      const id = attribute(style, "w:styleId");
      if (id === undefined) continue;
      const pPr = child(style, "w:pPr");
      const entry: StyleEntry = {
        type: attribute(style, "w:type") ?? "paragraph",
        name: attribute(child(style, "w:name")) ?? "",
        run: runFormat(child(style, "w:rPr")),
      };
      const basedOn = attribute(child(style, "w:basedOn"));
      const outline = outlineLevel(pPr);
      const numbering = numberingReference(pPr);
      if (basedOn !== undefined) entry.basedOn = basedOn;
      if (outline !== undefined) entry.outlineLevel = outline;
      if (numbering) entry.numbering = numbering;
      styles.set(`${entry.type}:${id}`, entry);
    }
    return new StyleSheet(styles);
  }

  private chain(type: string, id: string): StyleEntry[] {
    const chain: StyleEntry[] = [];
    const seen = new Set<string>();
    let next: string | undefined = id;
    while (next !== undefined && !seen.has(next) && chain.length < MAX_CHAIN) {
      seen.add(next);
      const entry = this.styles.get(`${type}:${next}`);
      if (!entry) break;
      chain.push(entry);
      next = entry.basedOn;
    }
    return chain;
  }

  paragraphStyle(id: string): ResolvedParagraphStyle {
    let resolved = this.resolved.get(id);
    if (resolved) return resolved;
    const chain = this.chain("paragraph", id);
    resolved = { names: chain.map((entry) => entry.name), run: mergeRunFormats(...chain.map((entry) => entry.run)) };
    const outline = chain.find((entry) => entry.outlineLevel !== undefined)?.outlineLevel;
    const numbering = chain.find((entry) => entry.numbering)?.numbering;
    if (outline !== undefined) resolved.outlineLevel = outline;
    if (numbering) resolved.numbering = numbering;
    this.resolved.set(id, resolved);
    return resolved;
  }

  characterStyle(id: string): RunFormat {
    let resolved = this.resolvedRuns.get(id);
    if (!resolved) {
      resolved = mergeRunFormats(...this.chain("character", id).map((entry) => entry.run));
      this.resolvedRuns.set(id, resolved);
    }
    return resolved;
  }

  /** The numbering a numbering style (w:type="numbering") stands for: what w:numStyleLink points to. */
  numberingStyle(id: string): NumberingReference | undefined {
    return this.chain("numbering", id).find((entry) => entry.numbering)?.numbering;
  }
}
