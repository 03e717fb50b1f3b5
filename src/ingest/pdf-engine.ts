/**
 * pdfjs-dist, loaded once for the whole process, without its global slowdown.
 *
 * Node 20 needs pdfjs's legacy build (the modern one uses Promise.withResolvers and other
 * Node 22 built-ins). That build bundles core-js, which replaces Array.prototype.push with a
 * JavaScript version for every array in the process, because V8 does not throw on an edge
 * case (push() onto an array with read-only length). Measured on the corpus, the replacement
 * costs a third of the PDF reader's time and slows everything else running beside it. We keep
 * the engine's native push when we are the first to load pdfjs; if something loaded it before
 * us, push is already replaced and we leave it as it is.
 *
 * The worker module is loaded here too and published as `globalThis.pdfjsWorker`, which is
 * how pdfjs is told to run its worker in this thread without importing it per document.
 */
declare global {
  // eslint-disable-next-line no-var -- the global pdfjs looks for
  var pdfjsWorker: { WorkerMessageHandler: unknown } | undefined;
}

/** pdfjs-dist ships no types for its worker module; we only hand it to pdfjs. */
const WORKER_MODULE: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";

const push = Array.prototype.push;
const pushIsNative = /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(push));

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
globalThis.pdfjsWorker ??= (await import(WORKER_MODULE)) as { WorkerMessageHandler: unknown };

if (pushIsNative && Array.prototype.push !== push) {
  Object.defineProperty(Array.prototype, "push", { value: push, writable: true, configurable: true, enumerable: false });
}

export const { getDocument, OPS, PDFDateString, PDFWorker, VerbosityLevel } = pdfjs;
