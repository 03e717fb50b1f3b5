/**
 * report.html, opened in a real browser: Chromium (the Debian package, driven by
 * playwright-core, which downloads nothing) draws every chart, lays Arabic
 * minutes out right to left, asks for nothing beyond the file, prints no console
 * error, and prints on A4 landscape. A screenshot is saved for the README
 * (`REPORT_SCREENSHOT=docs/report.png npx vitest run tests/report-html.test.ts`
 * refreshes docs/report.png; otherwise it goes to the test's temporary folder).
 *
 * Chromium is required, not optional: the test fails, saying how to install it,
 * where it is missing (`apt-get install -y chromium`; CHROMIUM_PATH for another place).
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { MeetingRecord } from "../src/model/meeting.js";
import { buildTracker } from "../src/track/index.js";
import { reportHtml } from "../src/write/html.js";
import { reportWords, trackerReport } from "../src/write/report.js";
import { summaryView } from "../src/write/views.js";
import { goldMeetingRecord, goldRecords } from "./track-gold-records.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let browser: Browser;
let work: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`report.html's browser test needs Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (Debian, Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary`);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  work = await mkdtemp(join(tmpdir(), "report-html-"));
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  url: string;
  /** Every request the page made, the report's own file included. */
  requests: string[];
  consoleErrors: string[];
}

async function open(records: MeetingRecord[], name: string): Promise<Opened> {
  const path = join(work, name);
  await writeFile(path, reportHtml(trackerReport(buildTracker(records), records)));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  const url = pathToFileURL(path).href;
  await page.goto(url, { waitUntil: "load" });
  return { page, url, requests, consoleErrors };
}

describe("report.html of the corpus series (two Arabic minutes, one French)", () => {
  let opened: Opened;
  const records = goldRecords();
  const report = trackerReport(buildTracker(records), records);
  const words = reportWords("ar");

  beforeAll(async () => {
    opened = await open(records, "report-ar.html");
  });

  test("right to left, in Arabic", async () => {
    const { page } = opened;
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang, getComputedStyle(document.body).direction])).toEqual(["rtl", "ar", "rtl"]);
    expect(await page.title()).toBe(words.labels.reportTitle);
    expect(await page.locator("h3").allTextContents()).toEqual(expect.arrayContaining([words.labels.grid, words.labels.progressChart]));
  });

  test("every chart is drawn: a stacked bar per meeting, a progress chart per commitment", async () => {
    const { page } = opened;
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll("svg.chart")].map((svg) => {
        const box = svg.getBoundingClientRect();
        const marks = [...svg.querySelectorAll("rect.bar, rect.strip")].map((rect) => rect.getBoundingClientRect());
        return { kind: svg.classList.contains("status-chart") ? "status" : "progress", width: box.width, height: box.height, marks: marks.filter((m) => m.width > 0 && m.height > 0).length };
      }),
    );
    expect(charts.filter((c) => c.kind === "status")).toHaveLength(1);
    expect(charts.filter((c) => c.kind === "progress")).toHaveLength(13);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(50);
      expect(chart.height).toBeGreaterThan(30);
    }
    // One bar segment per meeting and status present, as the Summary counts them.
    const segments = [...summaryView(report).rows()].reduce((sum, row) => sum + Object.values(row.subject.counts).filter((count) => count > 0).length, 0);
    expect(charts[0].marks).toBe(segments);
    // A status strip cell per commitment and meeting.
    for (const chart of charts.slice(1)) expect(chart.marks).toBe(3);
  });

  test("the chart reads from the right: the first meeting's bar is right of the last one's", async () => {
    const xs = await opened.page.evaluate(() => [...document.querySelectorAll("svg.status-chart g.meeting")].map((g) => g.getBoundingClientRect().x));
    expect(xs).toHaveLength(3);
    expect(xs[0]).toBeGreaterThan(xs[1]);
    expect(xs[1]).toBeGreaterThan(xs[2]);
  });

  test("the grid colours each commitment at each meeting by status, with the percent", async () => {
    const { page } = opened;
    const cells = await page.locator("table.grid tbody tr").nth(10).locator("td").evaluateAll((tds) =>
      tds.map((td) => [td.className, td.textContent?.trim(), getComputedStyle(td).backgroundColor]),
    );
    expect(cells.map(([className, text]) => [className, text])).toEqual([
      ["cell s-partially_completed", `${words.statuses.partially_completed} 60%`],
      ["cell s-completed", `${words.statuses.completed} 100%`],
      ["cell s-partially_completed regressed", `${words.statuses.partially_completed} 90% ▼`],
    ]);
    expect(cells[0][2]).toBe("rgb(226, 240, 182)");
  });

  test("the regression, the stalls and the gap, each with its source", async () => {
    const { page } = opened;
    const regression = await page.locator("section.attention.regressed tbody tr").allTextContents();
    expect(regression).toHaveLength(1);
    expect(regression[0]).toContain("fixtures/ogp-tunisia/2023-09-committee-minutes.docx");
    expect(regression[0]).toContain(`${words.columns.table} 1, ${words.columns.row} 11`);
    expect(await page.locator("section.attention.stalled tbody tr").count()).toBe(3);
    const gap = await page.locator("section.attention.gap tbody tr").allTextContents();
    // Commitment 2 at 2023-09-14, and 12 at 2023-03 (whose row there has no number and links to none).
    expect(gap).toHaveLength(2);
    expect(gap[0]).toMatch(/^2.*2023-09-14.*2023-09-committee-minutes\.docx$/);
    expect(gap[1]).toMatch(/^12.*2023-03.*2023-03-committee-minutes\.docx$/);
    // A source links to its file in the list of files.
    const href = await page.locator("section.attention.regressed td.source a").getAttribute("href");
    expect(await page.locator(`${href} `).textContent()).toContain("2023-09-committee-minutes.docx");
    // Dates inside Arabic text keep their order.
    expect(await page.locator("section.attention.gap bdi").first().evaluate((bdi) => [bdi.textContent, bdi.getAttribute("dir")])).toEqual(["2023-09-14", "ltr"]);
  });

  test("no request leaves the file, and no console error", () => {
    expect(opened.requests).toEqual([opened.url]);
    expect(opened.consoleErrors).toEqual([]);
  });

  test("prints on A4 landscape; a screenshot is saved", async () => {
    const { page } = opened;
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: "screen" });
    const boxes = [...pdf.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    // A4 landscape in points: 842 x 595.
    for (const box of boxes) expect(box).toEqual([842, 595]);

    const target = process.env.REPORT_SCREENSHOT ? resolve(process.env.REPORT_SCREENSHOT) : join(work, "report.png");
    const png = await page.screenshot({ path: target });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.length).toBeGreaterThan(20_000);
  });
});

describe("report.html of French minutes", () => {
  test("left to right, in French, every chart drawn, nothing requested, no error", async () => {
    const { page, requests, url, consoleErrors } = await open([goldMeetingRecord("2023-09-committee-minutes")], "report-fr.html");
    const words = reportWords("fr");
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(["ltr", "fr"]);
    expect(await page.locator("h3").first().textContent()).toBe(words.labels.grid);
    expect(await page.locator("svg.status-chart rect.bar").count()).toBeGreaterThan(0);
    expect(await page.locator("figure.status figcaption").textContent()).toBe(words.labels.statusChart);
    expect(requests).toEqual([url]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
