import { readFileSync } from "node:fs";
import type { Nodes, Table } from "mdast";
import { describe, expect, it } from "vitest";
import { pagesToTree, readPdf } from "../src/ingest/pdf.js";
import { layOutPage, type LaidOutTable, type PageElement } from "../src/ingest/pdf-layout.js";
import { buildLines, type PlacedText } from "../src/ingest/pdf-lines.js";

function textOf(node: Nodes): string {
  if ("value" in node) return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(textOf).join(" ");
  return "";
}

const cellTexts = (table: Table): string[][] => table.children.map((row) => row.children.map((cell) => textOf(cell).replace(/\s+/g, " ").trim()));

describe("readPdf on a real table without borders whose cells wrap", () => {
  it("icat-sg-2015-12-09: the actions table is 13 rows of 4 cells, each wrapped Detail whole in its cell", async () => {
    const path = "fixtures/pdf/icat-sg-2015-12-09.pdf";
    const doc = await readPdf(new Uint8Array(readFileSync(path)), path);
    const tables = doc.tree.children.filter((node): node is Table => node.type === "table");
    expect(tables).toHaveLength(2);
    const rows = cellTexts(tables[0]);
    expect(rows).toHaveLength(13);
    expect(rows.every((row) => row.length === 4)).toBe(true);
    expect(rows[0]).toEqual(["No.", "Detail", "Resp.", "Status"]);
    expect(rows.slice(1).map((row) => row[0])).toEqual(["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12"]);
    expect(rows[1]).toEqual(["2.1", "Add the steering committee terms of reference to the icatproject website", "TG", "Done"]);
    expect(rows[3]).toEqual(["2.3", "Ask ELETTRA if they wish to continue on the Steering committee", "AG", "Done- Milan is ELETTRA’s representive"]);
    expect(rows[11]).toEqual(["2.11", "Ask communications for help to review web site", "TG", "SCD has recruited an impact manager. TG to discuss with them"]);
    // The agenda item above and the heading below stay out of it.
    const index = doc.tree.children.indexOf(tables[0]);
    expect(textOf(doc.tree.children[index - 1])).toMatch(/Actions of the previous meeting$/);
    expect(textOf(doc.tree.children[index + 1])).toMatch(/^3\. Review of membership/);
    expect(cellTexts(tables[1])[3]).toEqual(["2.7", "Write a general note on criteria for membership of the steering committee", "TG"]);
  });
});

/**
 * A page with a borderless four-column table set as a word processor sets one: a header row of
 * single words, rows a little more than a line apart (cell padding of a fifth of a line), cells
 * wrapped over two or three lines in two columns, top-aligned in one row and centred in
 * another; a paragraph above it and a bulleted list under it. `mirror` lays the page out right
 * to left, as an Arabic table is; `line` is the font's line step (Amiri's is 1.76 em).
 */
function tablePage(cells: { lead: string; header: string[]; rows: string[][][]; list: string[] }, mirror: boolean, line = 11.5): PlacedText[] {
  const size = 10;
  const pitch = line + 2;
  const columnX = [60, 90, 300, 400];
  const runs: PlacedText[] = [];
  const put = (str: string, x: number, y: number) => {
    const width = str.length * size * 0.5;
    runs.push({ str, x: mirror ? 595 - x - width : x, y, width, size, rtl: mirror });
  };
  put(cells.lead, 60, 760);
  cells.header.forEach((word, c) => put(word, columnX[c], 735));
  let top = 735 - pitch - 6;
  cells.rows.forEach((row, r) => {
    const height = Math.max(...row.map((cell) => cell.length));
    row.forEach((cell, c) => {
      // The second row is centred vertically, the others top-aligned.
      const offset = r === 1 ? ((height - cell.length) * line) / 2 : 0;
      cell.forEach((text, k) => put(text, columnX[c], top - offset - k * line));
    });
    top -= (height - 1) * line + pitch;
  });
  cells.list.forEach((item, k) => {
    put("•", 72, top - 8 - k * line);
    put(item, 90, top - 8 - k * line);
  });
  return runs;
}

function tablesOf(elements: PageElement[]): LaidOutTable[] {
  return elements.filter((element): element is LaidOutTable => element.kind === "table");
}

const laidOutCells = (table: LaidOutTable): string[][] => table.rows.map((row) => row.cells.map((cell) => cell.lines.map((l) => l.text).join(" ")));

describe("layOutPage on a table without borders built in code", () => {
  const frame = { bottom: 0, width: 595, height: 842 };
  const noRulings = { horizontal: [], vertical: [] };

  it("keeps wrapped lines in their cells in two columns, the header a row, the paragraph and list outside", () => {
    const runs = tablePage(
      {
        lead: "The secretariat presented the actions:",
        header: ["No.", "Action", "Owner", "Status"],
        rows: [
          [["1"], ["Publish the budget data of every", "quarter on the open data portal"], ["Ministry of", "Finance"], ["Done"]],
          [["2"], ["Train the staff"], ["Court of", "Audit and", "Inspection"], ["Ongoing"]],
          [["3"], ["Open the registry of", "beneficial owners"], ["Prime Minister's", "Office"], ["Not started"]],
        ],
        list: ["The table was approved.", "It will be published."],
      },
      false,
    );
    const page = layOutPage(1, frame, runs, noRulings, false);
    const tables = tablesOf(page.elements);
    expect(tables).toHaveLength(1);
    expect(laidOutCells(tables[0])).toEqual([
      ["No.", "Action", "Owner", "Status"],
      ["1", "Publish the budget data of every quarter on the open data portal", "Ministry of Finance", "Done"],
      ["2", "Train the staff", "Court of Audit and Inspection", "Ongoing"],
      ["3", "Open the registry of beneficial owners", "Prime Minister's Office", "Not started"],
    ]);
    const lines = page.elements.flatMap((element) => (element.kind === "line" ? [element.line.text] : []));
    expect(lines).toEqual(["The secretariat presented the actions:", "• The table was approved.", "• It will be published."]);
    expect(page.elements[0].kind).toBe("line");
    expect(page.elements[1].kind).toBe("table");
  });

  it.each([11.5, 17.6])("reads the same table laid out right to left, its columns counted from the right (line step %s)", (line) => {
    const runs = tablePage(
      {
        lead: "عرض الكاتب العام الإجراءات التالية:",
        header: ["الرقم", "الإجراء", "المسؤول", "الحالة"],
        rows: [
          [["1"], ["نشر بيانات الميزانية لكل", "ثلاثية على بوابة البيانات"], ["وزارة", "المالية"], ["منجز"]],
          [["2"], ["تكوين الأعوان"], ["محكمة", "المحاسبات", "والتفقد"], ["جاري"]],
          [["3"], ["فتح سجل المستفيدين", "الحقيقيين"], ["رئاسة", "الحكومة"], ["لم ينطلق"]],
        ],
        list: ["تمت المصادقة على الجدول.", "سيتم نشره."],
      },
      true,
      line,
    );
    const page = layOutPage(1, frame, runs, noRulings, true);
    const tables = tablesOf(page.elements);
    expect(tables).toHaveLength(1);
    expect(tables[0].rtl).toBe(true);
    expect(laidOutCells(tables[0])).toEqual([
      ["الرقم", "الإجراء", "المسؤول", "الحالة"],
      ["1", "نشر بيانات الميزانية لكل ثلاثية على بوابة البيانات", "وزارة المالية", "منجز"],
      ["2", "تكوين الأعوان", "محكمة المحاسبات والتفقد", "جاري"],
      ["3", "فتح سجل المستفيدين الحقيقيين", "رئاسة الحكومة", "لم ينطلق"],
    ]);
    expect(page.elements.filter((element) => element.kind === "line")).toHaveLength(3);
  });
});

describe("layOutPage on a table without borders whose cells hold one line each", () => {
  it("takes each line for a row when the rows stand further apart than a line, a paragraph under them", () => {
    const runs: PlacedText[] = [];
    const put = (str: string, x: number, y: number) => runs.push({ str, x, y, width: str.length * 5, size: 10, rtl: false });
    const columnX = [60, 90, 300, 400];
    ["No.", "Action", "Owner", "Status"].forEach((word, c) => put(word, columnX[c], 735));
    for (let r = 1; r <= 4; r++) [String(r), `Action ${r}`, "Finance", r === 2 ? "" : "Done"].forEach((text, c) => text && put(text, columnX[c], 735 - r * 17));
    put("The table was approved by all members present.", 60, 735 - 5 * 17 - 14);
    const page = layOutPage(1, { bottom: 0, width: 595, height: 842 }, runs, { horizontal: [], vertical: [] }, false);
    const [table] = tablesOf(page.elements);
    expect(laidOutCells(table).map((row) => row[1])).toEqual(["Action", "Action 1", "Action 2", "Action 3", "Action 4"]);
    expect(page.elements.at(-1)).toMatchObject({ kind: "line", line: { text: "The table was approved by all members present." } });
  });
});

describe("layOutPage: words a narrow column broke", () => {
  it("rejoins a word whose tail would not have fitted beside it, and a number cut under its digits", () => {
    const run = (str: string, x: number, y: number, width: number): PlacedText => ({ str, x, y, width, size: 10, rtl: false });
    // Widths as a proportional font gives them: "Notes" (23.8) is wider than the column's widest line, "Later" (22).
    const runs = [
      run("No.", 60, 735, 15),
      run("Action", 90, 735, 30),
      run("Note", 300, 735, 19.9),
      run("s", 300, 723.5, 3.9),
      run("1", 60, 705, 5),
      run("Publish the data", 90, 705, 80),
      run("Later", 300, 705, 22),
      run("2", 60, 685, 5),
      run("Train the staff", 90, 685, 75),
      run("202", 300, 685, 16.5),
      run("4", 300, 673.5, 5.5),
      // Two words the column wrapped at their space: kept apart.
      run("3", 60, 653, 5),
      run("Open registry", 90, 653, 65),
      run("In", 300, 653, 9),
      run("it", 300, 641.5, 6),
    ];
    const [table] = tablesOf(layOutPage(1, { bottom: 0, width: 595, height: 842 }, runs, { horizontal: [], vertical: [] }, false).elements);
    expect(laidOutCells(table)).toEqual([
      ["No.", "Action", "Notes"],
      ["1", "Publish the data", "Later"],
      ["2", "Train the staff", "2024"],
      ["3", "Open registry", "In it"],
    ]);
  });
});

describe("layOutPage: a header a narrow column broke after its slash", () => {
  it("reads 'S/' over 'N' as 'S/N'", () => {
    const run = (str: string, x: number, y: number, width: number): PlacedText => ({ str, x, y, width, size: 10, rtl: false });
    // "S/N" (16) is wider than the column's widest line, "12" (10).
    const runs = [
      ...[run("S/", 60, 735, 10.5), run("N", 60, 723.5, 6), run("Commitment", 90, 735, 50), run("Level", 300, 735, 25)],
      ...[run("1", 60, 705, 5), run("Open Budget", 90, 705, 55), run("Complete", 300, 705, 40)],
      ...[run("2", 60, 685, 5), run("Beneficial ownership", 90, 685, 95), run("Limited", 300, 685, 35)],
      ...[run("12", 60, 665, 10), run("Open Contracting", 90, 665, 80), run("Substantial", 300, 665, 50)],
    ];
    const [table] = tablesOf(layOutPage(1, { bottom: 0, width: 595, height: 842 }, runs, { horizontal: [], vertical: [] }, false).elements);
    expect(laidOutCells(table)).toEqual([
      ["S/N", "Commitment", "Level"],
      ["1", "Open Budget", "Complete"],
      ["2", "Beneficial ownership", "Limited"],
      ["12", "Open Contracting", "Substantial"],
    ]);
  });
});

describe("layOutPage: a hyphenated word that fills its column", () => {
  it("keeps the space after it: a layout cuts a word between letters only when it has no hyphen to break at", () => {
    const run = (str: string, x: number, y: number, width: number): PlacedText => ({ str, x, y, width, size: 10, rtl: false });
    // "Attorney-General" is the Action column's widest line, and "on" is short enough to be a word's tail.
    const runs = [
      run("No.", 60, 735, 15),
      run("Action", 90, 735, 30),
      run("By", 300, 735, 12),
      run("1", 60, 705, 5),
      run("Write to the", 90, 705, 57.3),
      run("Attorney-General", 90, 691.2, 84.6),
      run("on the Bill", 90, 677.4, 50),
      run("Chair", 300, 705, 26.6),
      run("2", 60, 655, 5),
      run("Prepare terms", 90, 655, 70),
      run("Staff", 300, 655, 24),
    ];
    const [table] = tablesOf(layOutPage(1, { bottom: 0, width: 595, height: 842 }, runs, { horizontal: [], vertical: [] }, false).elements);
    expect(laidOutCells(table)).toEqual([
      ["No.", "Action", "By"],
      ["1", "Write to the Attorney-General on the Bill", "Chair"],
      ["2", "Prepare terms", "Staff"],
    ]);
  });
});

describe("layOutPage on a table without borders with rows spanning it (group titles)", () => {
  /** Header, then per group a title line from the table's left edge across all columns and its one-line rows. */
  function groupedPage(groups: { title: string; rows: string[][] }[], after: string[]): PlacedText[] {
    const runs: PlacedText[] = [];
    const put = (str: string, x: number, y: number) => runs.push({ str, x, y, width: str.length * 5, size: 10, rtl: false });
    const columnX = [60, 90, 300, 400];
    ["N°", "Activités", "Responsable", "État"].forEach((word, c) => put(word, columnX[c], 735));
    let y = 735;
    for (const group of groups) {
      y -= 17;
      put(group.title, 60, y);
      for (const row of group.rows) {
        y -= 17;
        row.forEach((text, c) => put(text, columnX[c], y));
      }
    }
    after.forEach((line) => put(line, 60, (y -= 14) - 6));
    return runs;
  }

  it("keeps the groups' rows in one table, each title one cell across it, and the paragraph after it outside", () => {
    const runs = groupedPage(
      [
        { title: "Composante 1 : Gestion des ressources humaines de l'État", rows: [["1.1", "Mise en production", "DAGE", "Achevé"], ["1.2", "Recensement", "Solde", "En cours"]] },
        { title: "Composante 2 : Qualité du service public et usagers", rows: [["2.1", "Guichets uniques", "BOM", "Non démarré"]] },
      ],
      ["Dans les échanges qui ont suivi, la Directrice de la Solde a indiqué que le recensement", "serait achevé fin mai, sous réserve de la disponibilité des kits."],
    );
    const page = layOutPage(1, { bottom: 0, width: 595, height: 842 }, runs, { horizontal: [], vertical: [] }, false);
    const tables = tablesOf(page.elements);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((row) => row.cells.map((cell) => `${cell.colSpan}:${cell.lines.map((l) => l.text).join(" ")}`))).toEqual([
      ["1:N°", "1:Activités", "1:Responsable", "1:État"],
      ["4:Composante 1 : Gestion des ressources humaines de l'État"],
      ["1:1.1", "1:Mise en production", "1:DAGE", "1:Achevé"],
      ["1:1.2", "1:Recensement", "1:Solde", "1:En cours"],
      ["4:Composante 2 : Qualité du service public et usagers"],
      ["1:2.1", "1:Guichets uniques", "1:BOM", "1:Non démarré"],
    ]);
    const lines = page.elements.flatMap((element) => (element.kind === "line" ? [element.line.text] : []));
    expect(lines).toHaveLength(2);
  });

  it("keeps apart the two columns a short group title spans ('Axe 1 : Budget' ends in the second column)", () => {
    const runs = groupedPage(
      [
        { title: "Axe 1 : Budget ouvert", rows: [["1.1", "Budget citoyen", "DGB", "Achevé"], ["1.2", "Données", "DGI", "En cours"]] },
        { title: "Axe 2 : Participation", rows: [["2.1", "Audit participatif", "CdC", "Retardé"]] },
      ],
      [],
    );
    const [table] = tablesOf(layOutPage(1, { bottom: 0, width: 595, height: 842 }, runs, { horizontal: [], vertical: [] }, false).elements);
    expect(table.rows.map((row) => row.cells.map((cell) => `${cell.colSpan}:${cell.lines.map((l) => l.text).join(" ")}`))).toEqual([
      ["1:N°", "1:Activités", "1:Responsable", "1:État"],
      ["4:Axe 1 : Budget ouvert"],
      ["1:1.1", "1:Budget citoyen", "1:DGB", "1:Achevé"],
      ["1:1.2", "1:Données", "1:DGI", "1:En cours"],
      ["4:Axe 2 : Participation"],
      ["1:2.1", "1:Audit participatif", "1:CdC", "1:Retardé"],
    ]);
  });
});

describe("readPdf on a ruled table the page break cuts between two rows", () => {
  it("t-ar-jadwal-mutabaa: row 6 overleaf stays a row of its own although row 5's cells end without a stop", async () => {
    const path = "fixtures/written/t-ar-jadwal-mutabaa.pdf";
    const doc = await readPdf(new Uint8Array(readFileSync(path)), path);
    const [tracker] = doc.tree.children.filter((node): node is Table => node.type === "table");
    const rows = cellTexts(tracker);
    expect(rows.map((row) => row[0])).toEqual(["ت", "1", "2", "3", "4", "5", "6"]);
    expect(rows[6][1]).toBe("إشراك منظمات المجتمع المدني في لجان فتح العطاءات");
  });
});

describe("layOutPage on right-to-left tables without borders", () => {
  const frame = { bottom: 0, width: 595, height: 842 };
  const noRulings = { horizontal: [], vertical: [] };
  /** Arabic runs at the given left edge, a word processor's advance of half the font size a letter. */
  const putter = (runs: PlacedText[]) => (str: string, x: number, y: number) => runs.push({ str, x, y, width: str.length * 6, size: 12, rtl: true });
  const lineTexts = (elements: PageElement[]): string[] => elements.flatMap((element) => (element.kind === "line" ? [element.line.text] : []));

  it("reads label/value cards, labels on the right, as one two-column table each; a lettered list and label lines stay lines", () => {
    const runs: PlacedText[] = [];
    const put = putter(runs);
    put("استعرض المقرر بطاقات متابعة الالتزامات على النحو التالي:", 150, 760);
    const cards = [
      [["رقم الالتزام", "١"], ["الالتزام", "نشر بيانات الموازنة العامة"], ["الحالة", "منفذ بالكامل"], ["نسبة الإنجاز", "٪١٠٠"]],
      [["رقم الالتزام", "٢"], ["الالتزام", "ميكنة منظومة الشكاوى"], ["الحالة", "جار التنفيذ"], ["نسبة الإنجاز", "٪٦٠"]],
    ];
    // The cards follow each other at the rows' own spacing; each is as wide as its widest label.
    let y = 736;
    cards.forEach((card, k) => {
      for (const [label, value] of card) {
        put(label, 480 - 20 * k, y);
        put(value, 58, y);
        y -= 24;
      }
    });
    y -= 12;
    const items = [
      ["أ)", "مخاطبة مجلس الدولة للإسراع في مراجعة اللائحة قبل نهاية الشهر"],
      ["ب)", "تعميم بطاقات المتابعة المحدثة على أعضاء اللجنة"],
      ["ج)", "تقديم خطة بديلة لتمويل التدريب في الاجتماع القادم"],
    ];
    for (const [n, item] of items) {
      // The items under the cards' values, their markers in the labels' column, a wide gutter between.
      put(n, 530, y);
      put(item, 58, y);
      y -= 24;
    }
    for (const line of ["الحالة: منفذ", "نسبة الإنجاز: ٪٥٠", "الجهة المسؤولة: وزارة المالية"]) {
      put(line, 400, (y -= 24));
    }
    const page = layOutPage(1, frame, runs, noRulings, true);
    const tables = tablesOf(page.elements);
    expect(tables.map(laidOutCells)).toEqual(cards);
    expect(tables.every((table) => table.rtl)).toBe(true);
    expect(lineTexts(page.elements)).toHaveLength(7);
  });

  it("keeps a header whose key sits further right than the keys under it in the table, rows two lines apart", () => {
    const runs: PlacedText[] = [];
    const put = putter(runs);
    const header = ["الرقم", "الالتزام", "الجهة المنفذة", "الحالة"];
    const headerX = [512, 400, 200, 60];
    header.forEach((word, c) => put(word, headerX[c], 700));
    const rows = [
      ["١", "إطلاق البوابة الموحدة", "مكتب الوزير", "منجز"],
      ["٢", "نشر بيانات الموازنة", "وزارة المالية", "متأخر"],
      ["٣", "ربط الإدارات العامة", "هيئة أوجيرو", "لم يبدأ"],
    ];
    // The keys centred in their column, short of the header's right edge by more than a letter.
    const rowX = [520, 320, 170, 60];
    rows.forEach((row, r) => row.forEach((text, c) => put(text, rowX[c], 700 - 24 * (r + 1))));
    put("وأفاد ممثل وزارة المالية بأن بيانات الموازنة نشرت على منصة البيانات المفتوحة كاملة.", 58, 600);
    const page = layOutPage(1, frame, runs, noRulings, true);
    const tables = tablesOf(page.elements);
    expect(tables).toHaveLength(1);
    expect(laidOutCells(tables[0])).toEqual([header, ...rows]);
    expect(lineTexts(page.elements)).toHaveLength(1);
  });
});

describe("pagesToTree on tables that meet at a page break", () => {
  const frame = { bottom: 0, width: 595, height: 842 };
  const noRulings = { horizontal: [], vertical: [] };
  /** A page of right-to-left label/value tables, labels on the right, the last at the page's foot. */
  const cardPage = (page: number, cards: string[][][], top: number) => {
    const runs: PlacedText[] = [];
    let y = top;
    for (const card of cards) {
      for (const [label, value] of card) {
        runs.push({ str: label, x: 480, y, width: label.length * 6, size: 12, rtl: true }, { str: value, x: 58, y, width: value.length * 6, size: 12, rtl: true });
        y -= 24;
      }
      y -= 12;
    }
    return layOutPage(page, frame, runs, noRulings, true);
  };
  const tables = (pages: ReturnType<typeof cardPage>[]) => pagesToTree(pages, []).children.filter((node): node is Table => node.type === "table").map(cellTexts);
  const card = (key: string, commitment: string, status: string) => [
    ["رقم الالتزام", key],
    ["الالتزام", commitment],
    ["الجهة المسؤولة", "وزارة المالية"],
    ["الحالة", status],
    ["ملاحظات", "لا توجد"],
    ["المتابعة", "الاجتماع القادم"],
  ];
  const first = card("1", "نشر بيانات الموازنة العامة", "منفذ بالكامل");
  const second = card("2", "ميكنة منظومة الشكاوى", "جار التنفيذ");

  it("starts a new table overleaf that opens with the header's key over another value: the next card, not the rest of this one", () => {
    expect(tables([cardPage(1, [first], 168), cardPage(2, [second], 800)])).toEqual([first, second]);
  });

  it("carries a cell merged down the rows overleaf over to the row the page break cut, into which the rest is merged", () => {
    const line = (text: string, page: number, x: number, y: number) => ({ text, left: x, right: x + text.length * 5, y, size: 10, rtl: false, bold: false, page });
    const cell = (column: number, lines: ReturnType<typeof line>[], rowSpan = 1) => ({ column, colSpan: 1, rowSpan, lines });
    const xs = [55, 85, 195, 400];
    const table = (page: number, rows: LaidOutTable["rows"]): LaidOutTable => ({ kind: "table", page, rtl: false, xs, fromText: true, top: 800, bottom: 40, rows });
    const header = (page: number) => ({ page, cells: [cell(0, [line("No.", page, 60, 790)]), cell(1, [line("Commitment", page, 90, 790)]), cell(2, [line("Milestone", page, 200, 790)])] });
    const first = table(1, [
      header(1),
      { page: 1, cells: [cell(0, [line("3", 1, 60, 50)]), cell(1, [line("Citizens’ budget and", 1, 90, 50)]), cell(2, [line("Publish the budget", 1, 200, 50)])] },
    ]);
    // Overleaf the commitment, merged down two rows, goes on beside the rest of the first milestone and the second.
    const rest = table(2, [
      header(2),
      { page: 2, cells: [cell(0, [], 2), cell(1, [line("budget hearings", 2, 90, 770)], 2), cell(2, [line("statement", 2, 200, 776)])] },
      { page: 2, cells: [cell(2, [line("Hold the hearings", 2, 200, 750)])] },
    ]);
    const page = (number: number, element: LaidOutTable) => ({ page: number, bottom: 0, width: 595, height: 842, elements: [element] });
    const [node] = pagesToTree([page(1, first), page(2, rest)], []).children.filter((child): child is Table => child.type === "table");
    expect(cellTexts(node)).toEqual([["No.", "Commitment", "Milestone"], ["3", "Citizens’ budget and budget hearings", "Publish the budget statement"], ["Hold the hearings"]]);
    expect(node.children[1].children.map((c) => c.data?.rowSpan)).toEqual([2, 2, undefined]);
  });

  it("reads the end of a cut row overleaf, too little to show gutters of its own, in the columns of the table it ends", () => {
    const run = (str: string, x: number, y: number): PlacedText => ({ str, x, y, width: str.length * 5, size: 10, rtl: false });
    const columnX = [60, 90, 300, 400];
    const row = (cells: string[], y: number) => cells.map((text, c) => run(text, columnX[c], y));
    const first = layOutPage(1, frame, [...row(["No.", "Action", "Resp.", "Notes"], 110), ...row(["1", "Publish the data", "TG", "Done"], 85), ...row(["2", "Write a note on", "AG", "Will be done as"], 60)], noRulings, false);
    const [table] = tablesOf(first.elements);
    // Overleaf: two cells' last lines, then the body text across the columns.
    const overleaf = [run("criteria for members", 90, 800), run("part of the website", 400, 800), run("of the committee", 90, 788.5), run("The members agreed to review the criteria for membership at the next meeting of the committee.", 56, 760)];
    const second = layOutPage(2, frame, overleaf, noRulings, false, table.xs);
    const tree = pagesToTree([first, second], []);
    const tables = tree.children.filter((node): node is Table => node.type === "table").map(cellTexts);
    expect(tables).toEqual([
      [
        ["No.", "Action", "Resp.", "Notes"],
        ["1", "Publish the data", "TG", "Done"],
        ["2", "Write a note on criteria for members of the committee", "AG", "Will be done as part of the website"],
      ],
    ]);
    expect(tree.children.at(-1)?.type).toBe("paragraph");
  });

  it("reads the last lines of one cell overleaf, then the next rows with gutters of their own, as one table", () => {
    const run = (str: string, x: number, y: number): PlacedText => ({ str, x, y, width: str.length * 5, size: 10, rtl: false });
    const columnX = [60, 120, 300, 400];
    const row = (cells: string[], y: number) => cells.map((text, c) => run(text, columnX[c], y));
    const first = layOutPage(1, frame, [...row(["No.", "Commitment", "Lead", "Status"], 110), ...row(["1", "Open data portal", "DGA", "Done"], 85), ...row(["2", "Citizens budget at", "MoF", "Ongoing"], 60)], noRulings, false);
    const [table] = tablesOf(first.elements);
    // Overleaf: the cut title's last two lines alone, then rows 3 and 4 further down than a row's own lines.
    const overleaf = [
      run("the regional", 120, 800),
      run("level", 120, 788),
      ...row(["3", "Right to information", "CDAI", "Late"], 760),
      ...row(["4", "E-petitions platform", "MTD", "Not started"], 735),
      run("The committee discussed the delays in detail and agreed on the next steps for every commitment.", 56, 700),
    ];
    const second = layOutPage(2, frame, overleaf, noRulings, false, table.xs);
    const tree = pagesToTree([first, second], []);
    expect(tree.children.filter((node): node is Table => node.type === "table").map(cellTexts)).toEqual([
      [
        ["No.", "Commitment", "Lead", "Status"],
        ["1", "Open data portal", "DGA", "Done"],
        ["2", "Citizens budget at the regional level", "MoF", "Ongoing"],
        ["3", "Right to information", "CDAI", "Late"],
        ["4", "E-petitions platform", "MTD", "Not started"],
      ],
    ]);
  });

  it("leaves a short line at the top of the page a paragraph when nothing under it goes on in the table's columns", () => {
    const run = (str: string, x: number, y: number): PlacedText => ({ str, x, y, width: str.length * 5, size: 10, rtl: false });
    const columnX = [60, 120, 300, 400];
    const row = (cells: string[], y: number) => cells.map((text, c) => run(text, columnX[c], y));
    const first = layOutPage(1, frame, [...row(["No.", "Commitment", "Lead", "Status"], 110), ...row(["1", "Open data portal", "DGA", "Done"], 85)], noRulings, false);
    const [table] = tablesOf(first.elements);
    const overleaf = [run("Discussion", 120, 800), run("The committee discussed the delays in detail and agreed on the next steps for every commitment.", 56, 770)];
    const tree = pagesToTree([first, layOutPage(2, frame, overleaf, noRulings, false, table.xs)], []);
    expect(tree.children.filter((node): node is Table => node.type === "table").map(cellTexts)).toEqual([
      [
        ["No.", "Commitment", "Lead", "Status"],
        ["1", "Open data portal", "DGA", "Done"],
      ],
    ]);
  });

  it("joins the rest of a table overleaf whose gutter moved with its narrower text ('S/N' above, '2' overleaf)", () => {
    const line = (text: string, page: number, x: number, y: number) => ({ text, left: x, right: x + text.length * 5, y, size: 10, rtl: false, bold: false, page });
    const cell = (column: number, lines: ReturnType<typeof line>[]) => ({ column, colSpan: 1, rowSpan: 1, lines });
    const row = (page: number, texts: string[][], y: number) => ({ page, cells: texts.map((lines, c) => cell(c, lines.map((t, i) => line(t, page, [57, 80, 250][c], y - 11 * i)))) });
    const table = (page: number, xs: number[], rows: LaidOutTable["rows"]): LaidOutTable => ({ kind: "table", page, rtl: false, xs, fromText: true, top: 800, bottom: 40, rows });
    // The first column's gutter midpoint is 76 above the page break and 70 overleaf: more than a fifth of that narrow column.
    const first = table(1, [56, 76, 245, 400], [row(1, [["S/N"], ["Commitment"], ["Level"]], 90), row(1, [["1"], ["Open Budget: publication of the"], ["Complete"]], 60)]);
    const rest = table(2, [56, 70, 245, 400], [row(2, [[], ["citizens' budget"], []], 800), row(2, [["2"], ["Open Contracting"], ["Substantial"]], 770)]);
    const page = (number: number, element: LaidOutTable) => ({ page: number, bottom: 0, width: 595, height: 842, elements: [element] });
    const found = pagesToTree([page(1, first), page(2, rest)], []).children.filter((child): child is Table => child.type === "table");
    expect(found.map(cellTexts)).toEqual([[["S/N", "Commitment", "Level"], ["1", "Open Budget: publication of the citizens' budget", "Complete"], ["2", "Open Contracting", "Substantial"]]]);
  });

  it("keeps apart a table overleaf whose text crosses the columns above", () => {
    const line = (text: string, x: number, y: number) => ({ text, left: x, right: x + text.length * 5, y, size: 10, rtl: false, bold: false, page: 1 });
    const table = (page: number, xs: number[], texts: [string, number][]): LaidOutTable => ({
      kind: "table", page, rtl: false, xs, fromText: true, top: 800, bottom: 40,
      rows: [{ page, cells: texts.map(([t, x], c) => ({ column: c, colSpan: 1, rowSpan: 1, lines: [{ ...line(t, x, 700), page }] })) }],
    });
    const first = table(1, [56, 76, 245, 400], [["1", 57], ["Open Budget", 80], ["Complete", 250]]);
    // Overleaf the second column's text runs on to x = 330, well into the third column above.
    const other = table(2, [56, 76, 335, 500], [["A", 57], ["A much longer description of it that runs on and on", 80], ["Done", 340]]);
    const page = (number: number, element: LaidOutTable) => ({ page: number, bottom: 0, width: 595, height: 842, elements: [element] });
    expect(pagesToTree([page(1, first), page(2, other)], []).children.filter((child) => child.type === "table")).toHaveLength(2);
  });

  it("joins the rest of a table overleaf whose first row has another key", () => {
    expect(tables([cardPage(1, [first.slice(0, 3)], 96), cardPage(2, [first.slice(3)], 800)])).toEqual([first]);
  });
});

describe("buildLines on Arabic text with a glyph the font maps to no text", () => {
  // pdfjs reads such a glyph as its character code's Latin-1 character, inside the word it is drawn in.
  const arabic = (str: string, x: number): PlacedText => ({ str, x, y: 700, width: str.length * 6, size: 12, rtl: true });

  it("drops a Latin letter or a symbol between two Arabic letters, and keeps Latin words and punctuation beside Arabic ones", () => {
    const lines = (runs: PlacedText[]) => buildLines(runs, true).map((line) => line.text);
    expect(lines([arabic("الإل", 460), arabic("&", 454), arabic("كتروني", 418)])).toEqual(["الإلكتروني"]);
    expect(lines([arabic("إلÖكترونية", 400)])).toEqual(["إلكترونية"]);
    expect(lines([arabic("بوابة e-GOV و/أو الموقع", 300)])).toEqual(["بوابة e-GOV و/أو الموقع"]);
  });
});

describe("layOutPage on a table without borders with a cell merged down two rows", () => {
  it("cuts the rows the merged cell runs on across where the other columns leave a row's padding, the merged cells spanning them", () => {
    const runs: PlacedText[] = [];
    const put = (str: string, x: number, y: number) => runs.push({ str, x, y, width: str.length * 5, size: 10, rtl: false });
    const columnX = [60, 90, 200, 320, 400];
    ["No.", "Commitment", "Milestone", "Lead", "Status"].forEach((word, c) => put(word, columnX[c], 725));
    // Two milestones, lines a step (11.5) apart within a cell, the padding (2.9) more between them;
    // the lead and status of each centred on it.
    put("Amend the regulations", 200, 700);
    put("on ownership", 200, 688.5);
    put("Launch the public", 200, 674.1);
    put("register online", 200, 662.6);
    put("RGD", 320, 694.25);
    put("PPA", 320, 668.35);
    put("Completed", 400, 694.25);
    put("Ongoing", 400, 668.35);
    // The commitment and its number centred on both milestones, running on across the padding.
    ["Beneficial", "ownership", "transparency in", "procurement"].forEach((line, k) => put(line, 90, 698.55 - 11.5 * k));
    put("1", 60, 681.3);
    ["2", "Open contracting", "Publish the data", "MoF", "Done"].forEach((text, c) => put(text, columnX[c], 640));
    const [table] = tablesOf(layOutPage(1, { bottom: 0, width: 595, height: 842 }, runs, { horizontal: [], vertical: [] }, false).elements);
    expect(laidOutCells(table)).toEqual([
      ["No.", "Commitment", "Milestone", "Lead", "Status"],
      ["1", "Beneficial ownership transparency in procurement", "Amend the regulations on ownership", "RGD", "Completed"],
      ["Launch the public register online", "PPA", "Ongoing"],
      ["2", "Open contracting", "Publish the data", "MoF", "Done"],
    ]);
    expect(table.rows[1].cells.map((cell) => cell.rowSpan)).toEqual([2, 2, 1, 1, 1]);
  });

  it("gives the rows above and below a merged cell centred within its middle row to that cell, as the table merges that column elsewhere", () => {
    const runs: PlacedText[] = [];
    const put = (str: string, x: number, y: number) => runs.push({ str, x, y, width: str.length * 5, size: 10, rtl: false });
    const columnX = [60, 90, 200, 320, 400];
    ["No.", "Commitment", "Milestone", "Lead", "Status"].forEach((word, c) => put(word, columnX[c], 725));
    /** Milestones of two lines each, a row's padding apart, the lead and status centred on each; the commitment centred on them all. */
    const group = (top: number, key: string, commitment: string[], milestones: Array<[string, string, string, string]>) => {
      milestones.forEach(([first, second, lead, status], k) => {
        const y = top - 25.9 * k;
        put(first, 200, y);
        put(second, 200, y - 11.5);
        put(lead, 320, y - 5.75);
        put(status, 400, y - 5.75);
      });
      const middle = top - (25.9 * (milestones.length - 1) + 11.5) / 2;
      commitment.forEach((line, k) => put(line, 90, middle + (11.5 * (commitment.length - 1)) / 2 - 11.5 * k));
      put(key, 60, middle);
    };
    // Three milestones under a commitment of two lines, which stays within the middle one's height.
    group(700, "1", ["Beneficial", "ownership"], [
      ["Amend the", "regulations", "RGD", "Completed"],
      ["Launch the", "register", "PPA", "Ongoing"],
      ["Link the", "data", "GII", "Planned"],
    ]);
    // Two milestones under a commitment of four lines, which runs on across their padding.
    group(610, "2", ["Open", "contracting", "data for all", "contracts"], [
      ["Publish the", "award data", "MoF", "Done"],
      ["Review the", "red flags", "GSS", "Late"],
    ]);
    const [table] = tablesOf(layOutPage(1, { bottom: 0, width: 595, height: 842 }, runs, { horizontal: [], vertical: [] }, false).elements);
    expect(laidOutCells(table)).toEqual([
      ["No.", "Commitment", "Milestone", "Lead", "Status"],
      ["1", "Beneficial ownership", "Amend the regulations", "RGD", "Completed"],
      ["Launch the register", "PPA", "Ongoing"],
      ["Link the data", "GII", "Planned"],
      ["2", "Open contracting data for all contracts", "Publish the award data", "MoF", "Done"],
      ["Review the red flags", "GSS", "Late"],
    ]);
    expect(table.rows.map((row) => row.cells[0].rowSpan)).toEqual([1, 3, 1, 1, 2, 1]);
  });
});
