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
 * The worker module is loaded here too: in Node, pdfjs's worker runs in this thread, joined to
 * the document API by an InThreadPort (see pdf-port.ts for why not pdfjs's own).
 */
import { InThreadPort } from "./pdf-port.js";

/** pdfjs-dist ships no types for its worker module: the one entry point we call. */
interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: InThreadPort): void };
}
const WORKER_MODULE: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";

const push = Array.prototype.push;
const pushIsNative = /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(push));

const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const { WorkerMessageHandler } = (await import(WORKER_MODULE)) as WorkerModule;

if (pushIsNative && Array.prototype.push !== push) {
  Object.defineProperty(Array.prototype, "push", { value: push, writable: true, configurable: true, enumerable: false });
}

export const { getDocument, OPS, PDFDateString, VerbosityLevel } = pdfjs;

/** A pdfjs worker running in this thread, on its own port. */
export function inThreadWorker(): InstanceType<typeof pdfjs.PDFWorker> {
  const port = new InThreadPort();
  WorkerMessageHandler.initializeFromPort(port);
  // pdfjs takes any object with the Worker messaging methods as a port.
  return pdfjs.PDFWorker.create({ port: port as unknown as Worker, verbosity: VerbosityLevel.ERRORS });
}
