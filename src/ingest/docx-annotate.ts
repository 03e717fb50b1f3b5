/**
 * Work done on the elements of a Word part between parsing and mammoth's reading of it.
 *
 * mammoth's document model drops what this reader needs: it keeps hidden text (w:vanish),
 * knows no outline levels, complex-script bold, cell shading or the numbers Word displays.
 * So each part is walked once here, in reading order, before mammoth sees it:
 * - hidden runs are removed (Word does not print them); their field characters stay, so a
 *   field whose code is hidden keeps its shown result;
 * - every paragraph's facts (its number as Word shows it, heading depth, whole-paragraph bold)
 *   are computed and recorded in `DocumentFacts`, and the paragraph gets a bookmark whose name
 *   is the index of its facts: mammoth passes bookmarks through to its model, which is how
 *   docx.ts finds the facts again on mammoth's paragraph;
 * - every table cell gets such a bookmark too, for its shading.
 * The walk follows mammoth's own reading: only the fallback of mc:AlternateContent (the
 * choice holds the same text box again), no deleted runs, and a paragraph whose mark is a
 * tracked deletion merges into the next one (it gets no facts of its own).
 */
import { NumberingCounter, type NumberingDefinitions, type ParagraphNumber } from "./docx-numbering.js";
import {
  attribute,
  child,
  mergeRunFormats,
  numberingReference,
  outlineLevel,
  runFormat,
  type RunFormat,
  type StyleSheet,
} from "./docx-styles.js";
import { markerElement, type MammothXmlElement, type MammothXmlNode } from "./docx-xml.js";

export interface ParagraphFacts {
  number: ParagraphNumber | null;
  /** Heading depth 1-6 from the style's name, the outline level, or the style it is based on; null for body text. */
  headingDepth: number | null;
  /** Every visible letter of the paragraph is bold (w:b, or w:bCs for Arabic and Hebrew letters). */
  bold: boolean;
  /** Footnote marks typed as superscript numbers ("9¹" typed, not a Word footnote), taken out of the text. */
  noteMarks: string[];
}

export interface CellFacts {
  /** The cell's shading (w:shd) as six uppercase hex digits, when it has one. */
  fill?: string;
}

/** Bookmark names carrying a facts index: no name Word writes starts with a NUL character. */
const PARAGRAPH_MARK = "\u0000p";
const CELL_MARK = "\u0000c";

export class DocumentFacts {
  readonly paragraphs: ParagraphFacts[] = [];
  readonly cells: CellFacts[] = [];

  /** The facts a bookmark name points to, if it is one of ours. */
  paragraphOf(bookmark: string): ParagraphFacts | undefined {
    return bookmark.startsWith(PARAGRAPH_MARK) ? this.paragraphs[Number(bookmark.slice(PARAGRAPH_MARK.length))] : undefined;
  }

  cellOf(bookmark: string): CellFacts | undefined {
    return bookmark.startsWith(CELL_MARK) ? this.cells[Number(bookmark.slice(CELL_MARK.length))] : undefined;
  }
}

/** Word's built-in heading styles are named "heading N" in every UI language (LibreOffice writes "Heading N"); "Title" is the document title. */
const HEADING_STYLE_NAME = /^heading\s*([1-9])$/i;
const HEADING_STYLE_ID = /^heading([1-9])$/i;
const TITLE_STYLE = /^(?:title|heading)$/i;
/** w:outlineLvl 9 is "body text". */
const BODY_TEXT_LEVEL = 9;
/** Letters Word formats with the complex-script properties (w:bCs): Hebrew, Arabic, Syriac, Thaana, and their presentation forms. */
const COMPLEX_SCRIPT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

const depthOf = (level: number): number => Math.min(level + 1, 6);

function headingDepth(styleId: string | undefined, pPr: MammothXmlElement | undefined, styles: StyleSheet): number | null {
  const direct = outlineLevel(pPr);
  if (direct !== undefined) return direct < BODY_TEXT_LEVEL ? depthOf(direct) : null;
  if (styleId === undefined) return null;
  const style = styles.paragraphStyle(styleId);
  const own = style.names[0];
  // A style the style sheet does not name is known by its id only (Heading2).
  const level = own ? HEADING_STYLE_NAME.exec(own.trim())?.[1] : HEADING_STYLE_ID.exec(styleId)?.[1];
  if (level) return depthOf(Number(level) - 1);
  if (own && TITLE_STYLE.test(own.trim())) return 1;
  if (style.outlineLevel !== undefined) return style.outlineLevel < BODY_TEXT_LEVEL ? depthOf(style.outlineLevel) : null;
  // A localized or custom style based on "heading N".
  for (const name of style.names.slice(1)) {
    const inherited = HEADING_STYLE_NAME.exec(name.trim())?.[1];
    if (inherited) return depthOf(Number(inherited) - 1);
  }
  return null;
}

const isElement = (node: MammothXmlNode): node is MammothXmlElement => node.type === "element";

function textOfRun(run: MammothXmlElement): string {
  let text = "";
  for (const node of run.children) {
    if (isElement(node) && node.name === "w:t") for (const t of node.children) if (t.type === "text") text += t.value;
  }
  return text;
}

/** What a typed footnote mark says: one to three digits, or the reference signs (as the PDF reader's note marks). */
const NOTE_MARK = /^(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3})$/u;

/** Elements whose content Word does not show (accepted-changes view): mammoth skips them too. */
const DELETED = new Set(["w:del", "w:moveFrom"]);

interface ParagraphScan {
  /** Visible runs with text: whether each shows bold. */
  bold: boolean[];
  noteMarks: string[];
  /** Paragraphs met inside this one (text boxes), read after it. */
  nested: MammothXmlElement[];
}

/** Walks parts for one document; one instance per file, so nothing is shared between files. */
export class PartPreparer {
  readonly facts = new DocumentFacts();
  private readonly counter: NumberingCounter;

  constructor(
    private readonly styles: StyleSheet,
    numbering: NumberingDefinitions,
  ) {
    this.counter = new NumberingCounter(numbering, styles);
  }

  /** word/document.xml: hidden runs removed, facts recorded and marked. */
  prepareDocument(root: MammothXmlElement): void {
    this.visit(root, true);
  }

  /** Notes and comments: hidden runs removed; their paragraphs are not numbered with the body's. */
  prepareNotes(root: MammothXmlElement): void {
    this.visit(root, false);
  }

  private visit(element: MammothXmlElement, withFacts: boolean): void {
    for (const node of element.children) {
      if (!isElement(node)) continue;
      if (node.name === "mc:AlternateContent") {
        const fallback = child(node, "mc:Fallback");
        if (fallback) this.visit(fallback, withFacts);
      } else if (node.name === "w:p") {
        this.paragraph(node, withFacts);
      } else if (node.name === "w:tc" && withFacts) {
        this.cell(node);
        this.visit(node, withFacts);
      } else {
        this.visit(node, withFacts);
      }
    }
  }

  private cell(tc: MammothXmlElement): void {
    const facts: CellFacts = {};
    const fill = shading(child(child(tc, "w:tcPr") ?? tc, "w:shd"));
    if (fill) facts.fill = fill;
    this.facts.cells.push(facts);
    tc.children.unshift(markerElement(`${CELL_MARK}${this.facts.cells.length - 1}`));
  }

  private paragraph(p: MammothXmlElement, withFacts: boolean): void {
    const pPr = child(p, "w:pPr");
    const styleId = attribute(pPr && child(pPr, "w:pStyle"));
    const styleRun = styleId === undefined ? {} : this.styles.paragraphStyle(styleId).run;
    const scan: ParagraphScan = { bold: [], noteMarks: [], nested: [] };
    this.scanRuns(p, styleRun, scan);
    const markRun = pPr && child(pPr, "w:rPr");
    const markDeleted = markRun !== undefined && child(markRun, "w:del") !== undefined;
    // A paragraph Word does not show at all (hidden mark, no visible text) shows no number and takes none.
    const shown = scan.bold.length > 0 || !mergeRunFormats(runFormat(markRun), styleRun).hidden;
    if (withFacts && !markDeleted) {
      const facts: ParagraphFacts = {
        number: shown ? this.counter.next(numberingReference(pPr), styleId) : null,
        headingDepth: headingDepth(styleId, pPr, this.styles),
        bold: scan.bold.length > 0 && scan.bold.every(Boolean),
        noteMarks: scan.noteMarks,
      };
      this.facts.paragraphs.push(facts);
      p.children.push(markerElement(`${PARAGRAPH_MARK}${this.facts.paragraphs.length - 1}`));
    }
    for (const nested of scan.nested) this.paragraph(nested, withFacts);
  }

  /** Removes the paragraph's hidden runs and notes how the visible ones look; nested paragraphs are set aside. */
  private scanRuns(element: MammothXmlElement, styleRun: RunFormat, scan: ParagraphScan): void {
    const kept: MammothXmlNode[] = [];
    for (const node of element.children) {
      if (!isElement(node)) {
        kept.push(node);
        continue;
      }
      if (node.name === "w:r") {
        const rPr = child(node, "w:rPr");
        const characterStyle = attribute(rPr && child(rPr, "w:rStyle"));
        const format = mergeRunFormats(runFormat(rPr), characterStyle === undefined ? {} : this.styles.characterStyle(characterStyle), styleRun);
        if (format.hidden) {
          // A hidden field code still delimits its field: keep the field characters, drop the rest.
          for (const part of node.children) if (isElement(part) && part.name === "w:fldChar") kept.push(part);
          continue;
        }
        const text = textOfRun(node);
        // Read with the text it follows, a typed superscript mark glues to a number: "commitment 9" with mark 1 reads "91".
        if (format.superscript && NOTE_MARK.test(text.trim()) && scan.bold.length > 0) {
          scan.noteMarks.push(text.trim());
          continue;
        }
        // Only letters and digits show whether a paragraph is bold: LibreOffice sets an Arabic title's ": " with w:b alone.
        if (/[\p{L}\p{N}]/u.test(text)) {
          const complex = onFlag(rPr, "w:rtl") || onFlag(rPr, "w:cs") || COMPLEX_SCRIPT.test(text);
          scan.bold.push(Boolean(complex ? format.boldComplex : format.bold));
        }
        this.scanRuns(node, styleRun, scan);
        kept.push(node);
      } else if (node.name === "w:p") {
        scan.nested.push(node);
        kept.push(node);
      } else if (node.name === "mc:AlternateContent") {
        const fallback = child(node, "mc:Fallback");
        if (fallback) this.scanRuns(fallback, styleRun, scan);
        kept.push(node);
      } else if (DELETED.has(node.name) || node.name === "w:pPr") {
        kept.push(node);
      } else {
        this.scanRuns(node, styleRun, scan);
        kept.push(node);
      }
    }
    element.children = kept;
  }
}

function onFlag(rPr: MammothXmlElement | undefined, name: string): boolean {
  const element = rPr && child(rPr, name);
  if (!element) return false;
  const value = element.attributes["w:val"];
  return value === undefined || !["false", "0", "off"].includes(value);
}

const HEX_COLOUR = /^[0-9a-f]{6}$/i;

/** A w:shd's colour: its fill, or its pattern colour when the pattern is solid; "auto" and white-on-nothing are no shading. */
export function shading(shd: MammothXmlElement | undefined): string | undefined {
  if (!shd) return undefined;
  const pattern = attribute(shd);
  const colour = pattern === "solid" ? attribute(shd, "w:color") : attribute(shd, "w:fill");
  return colour && HEX_COLOUR.test(colour) ? colour.toUpperCase() : undefined;
}
