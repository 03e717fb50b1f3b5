import { readFileSync } from "node:fs";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { getDocument, inThreadWorker } from "../src/ingest/pdf-engine.js";
import { deliveredCopy, InThreadPort } from "../src/ingest/pdf-port.js";

/** The messages pdfjs's MessageHandler sends on a stream: kind 4 is "enqueue". */
const enqueue = (chunk: unknown) => ({ sourceName: "worker", targetName: "main", stream: 4, streamId: 1, chunk });

function received(port: InThreadPort): unknown[] {
  const messages: unknown[] = [];
  port.addEventListener("message", ({ data }) => messages.push(data));
  return messages;
}

describe("InThreadPort", () => {
  it("delivers an operator-list chunk whole after the worker empties its arrays in place", async () => {
    const port = new InThreadPort();
    const messages = received(port);
    const chunk = { fnArray: [1, 2], argsArray: [[10], null], lastChunk: false, separateAnnots: null, length: 2 };
    port.postMessage(enqueue(chunk));
    chunk.fnArray.length = 0;
    chunk.argsArray.length = 0;
    await Promise.resolve();
    expect(messages).toEqual([enqueue({ fnArray: [1, 2], argsArray: [[10], null], lastChunk: false, separateAnnots: null, length: 2 })]);
  });

  it("delivers a text-content chunk whole after the worker gives the chunk new arrays", async () => {
    const port = new InThreadPort();
    const messages = received(port);
    const chunk: { items: unknown[]; styles: Record<string, unknown>; lang: null } = {
      items: [{ str: "تعهد" }],
      styles: { f1: { fontFamily: "serif" } },
      lang: null,
    };
    port.postMessage(enqueue(chunk));
    chunk.items = [];
    chunk.styles = {};
    await Promise.resolve();
    expect(messages).toEqual([enqueue({ items: [{ str: "تعهد" }], styles: { f1: { fontFamily: "serif" } }, lang: null })]);
  });

  it("deep-copies every other message and honours transfers, as a thread boundary does", async () => {
    const port = new InThreadPort();
    const messages = received(port);
    const request = { action: "GetDocRequest", data: { nested: { value: 1 } } };
    const buffer = new Uint8Array([1, 2, 3]).buffer;
    port.postMessage(request);
    port.postMessage({ action: "bytes", data: buffer }, [buffer]);
    request.data.nested.value = 2;
    expect(buffer.byteLength).toBe(0);
    await Promise.resolve();
    expect(messages[0]).toEqual({ action: "GetDocRequest", data: { nested: { value: 1 } } });
    expect((messages[1] as { data: ArrayBuffer }).data.byteLength).toBe(3);
    expect(deliveredCopy(enqueue({ other: [1] }))).toEqual(enqueue({ other: [1] }));
    const pull = { sourceName: "main", targetName: "worker", stream: 6, streamId: 3, desiredSize: 100, reason: null };
    expect(deliveredCopy(pull)).toEqual(pull);
    expect(deliveredCopy(pull)).not.toBe(pull);
    expect(() => deliveredCopy({ action: "bad", callback: () => undefined })).toThrow();
  });

  it("delivers after postMessage returns, in order, and stops at an aborted signal", async () => {
    const port = new InThreadPort();
    const seen: unknown[] = [];
    const controller = new AbortController();
    port.addEventListener("message", ({ data }) => seen.push(data), { signal: controller.signal });
    port.postMessage("first");
    port.postMessage("second");
    expect(seen).toEqual([]);
    await Promise.resolve();
    expect(seen).toEqual(["first", "second"]);
    controller.abort();
    port.postMessage("third");
    await Promise.resolve();
    expect(seen).toEqual(["first", "second"]);
  });
});

/**
 * Each page's text content and operator list, as read through the given worker. Font names
 * carry a per-worker document number (g_d0_f1, g_d1_f1), which is left out.
 */
async function pagesThrough(worker: InstanceType<typeof pdfjs.PDFWorker>, path: string): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), worker, isEvalSupported: false }).promise;
  const pages: unknown[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const text = await page.getTextContent();
    const operators = await page.getOperatorList();
    pages.push({ text: text.items, fnArray: operators.fnArray, argsArray: operators.argsArray });
  }
  await document.destroy();
  const json = JSON.stringify(pages, (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as Uint8Array) : value));
  return json.replace(/"g_d\d+_f/g, '"g_d_f');
}

describe("pdfjs through the in-thread port", () => {
  it("reads the same text and drawing operators as through pdfjs's own in-thread channel", async () => {
    const ownChannel = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS });
    const port = inThreadWorker();
    for (const meeting of ["2022-06", "2023-03", "2023-09"]) {
      const path = `fixtures/ogp-tunisia/${meeting}-committee-minutes.pdf`;
      const expected = await pagesThrough(ownChannel, path);
      expect(expected.length).toBeGreaterThan(10_000);
      expect(await pagesThrough(port, path)).toBe(expected);
    }
    ownChannel.destroy();
    port.destroy();
  });
});
