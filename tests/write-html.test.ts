/**
 * report.html as text, without a browser: self-contained (nothing it could
 * fetch), document text escaped, a long archive cut to the latest meetings with
 * a note saying so, the words of the minutes' language.
 */
import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { MeetingRecord } from "../src/model/meeting.js";
import { buildTracker } from "../src/track/index.js";
import { MAX_MEETINGS_SHOWN, reportHtml, writeReportHtml } from "../src/write/html.js";
import { fill, reportWords, trackerReport } from "../src/write/report.js";
import { goldMeetingRecord, goldRecords, monthlyMeetings } from "./track-gold-records.js";

const htmlOf = (records: MeetingRecord[]) => reportHtml(trackerReport(buildTracker(records), records));


describe("report.html", () => {
  test("needs nothing outside itself: no script, no external resource, a policy that forbids them", () => {
    const html = htmlOf(goldRecords());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|src=/i);
    // The only URL is SVG's namespace, which is a name, never fetched.
    expect([...html.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) => m[0]).filter((url) => url !== "http://www.w3.org/2000/svg")).toEqual([]);
    expect(html).toContain("@page { size: A4 landscape;");
  });

  test("document text is escaped", () => {
    const records = goldRecords();
    // The tracker titles a commitment as the latest minutes in the majority language do: 2023-03.
    records[1].commitments[0].title = `<script>alert("x")</script> & co`;
    const html = htmlOf(records);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
  });

  test(`a long archive: the latest ${MAX_MEETINGS_SHOWN} meetings in the charts and the grid, and a note saying so`, () => {
    const html = htmlOf(monthlyMeetings(MAX_MEETINGS_SHOWN + 6));
    const words = reportWords("fr");
    expect(html).toMatch(/<html lang="fr" dir="ltr">/);
    expect(html).toContain(fill(words.labels.meetingsShown, { shown: MAX_MEETINGS_SHOWN, total: MAX_MEETINGS_SHOWN + 6 }));
    const grid = /<table class="grid"><thead><tr>(.*?)<\/tr><\/thead>/.exec(html)?.[1] ?? "";
    expect(grid.match(/<th scope="col">/g)).toHaveLength(2 + MAX_MEETINGS_SHOWN);
    // The first meetings are left out, the last shown.
    expect(grid).not.toContain("2020-01-15");
    expect(grid).toContain("2022-06-15");
    expect(html.match(/<g class="meeting">/g)).toHaveLength(MAX_MEETINGS_SHOWN);
  });

  test("streamed in pieces, it is the same text", async () => {
    const records = monthlyMeetings(MAX_MEETINGS_SHOWN + 6);
    const report = trackerReport(buildTracker(records), records);
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    await writeReportHtml(report, output);
    const html = reportHtml(report);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(html);
    expect(html).toMatch(/<section class="attention regressed">.*<\/section>\n<section class="attention stalled">.*<\/section>\n<section class="attention gap">/s);
    expect(html.endsWith("</body>\n</html>\n")).toBe(true);
  });

  test("English minutes: English words", () => {
    const base = goldMeetingRecord("2023-09-committee-minutes");
    const html = htmlOf([MeetingRecord.parse({ ...base, meeting: { ...base.meeting, language: "en" } })]);
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
    expect(html).toContain(`<h3>${reportWords("en").labels.grid}</h3>`);
  });
});
