/**
 * The channel between pdfjs's document API and its worker when both run in this thread.
 *
 * pdfjs's own in-thread channel (its LoopbackPort) deep-copies every message with
 * structuredClone, as a real thread boundary would. Measured on the corpus PDFs, that copy is
 * 11 % of the reader's time, four fifths of it on the two bulk streams we read: operator-list
 * chunks and text-content chunks. After sending one of those, the worker (pdfjs-dist 5.4.296,
 * pinned) never touches what it sent except to empty the arrays in place
 * (`fnArray.length = 0` in OperatorList.flush) or to give the chunk object new ones
 * (`textContent.items = []` in getTextContent): a copy of the chunk's top level and of its
 * operator arrays keeps the delivered chunk whole, without copying every item and argument.
 * A message of primitive fields only (the streams' flow control: a pull for every chunk) is
 * copied field by field, which is what a deep copy of it amounts to. Every other message is
 * deep-copied as pdfjs does. A chunk of any other shape (a later pdfjs) falls back to the
 * deep copy, so the shortcuts can only stop saving time, never lose data.
 */

/** pdfjs's MessageHandler marks a stream's data messages with StreamKind.ENQUEUE. */
const STREAM_ENQUEUE = 4;

type Listener = (this: InThreadPort, event: { data: unknown }) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function hasOnlyPrimitiveFields(message: Record<string, unknown>): boolean {
  if (Object.getPrototypeOf(message) !== Object.prototype) return false;
  for (const key in message) {
    const value = message[key];
    if (typeof value === "object" ? value !== null : typeof value === "function") return false;
  }
  return true;
}

/** What the receiving side gets: the message as the worker boundary would deliver it. */
export function deliveredCopy(message: unknown, transfer?: Transferable[]): unknown {
  if (!isRecord(message)) return structuredClone(message);
  if (hasOnlyPrimitiveFields(message)) return { ...message };
  if (message.stream === STREAM_ENQUEUE && isRecord(message.chunk)) {
    const chunk = message.chunk;
    if (Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray)) {
      return { ...message, chunk: { ...chunk, fnArray: chunk.fnArray.slice(), argsArray: chunk.argsArray.slice() } };
    }
    if (Array.isArray(chunk.items) && isRecord(chunk.styles)) {
      return { ...message, chunk: { ...chunk } };
    }
  }
  return structuredClone(message, transfer && transfer.length > 0 ? { transfer } : undefined);
}

/**
 * One port shared by both ends, as pdfjs's LoopbackPort is: every message reaches every
 * listener, and each end's MessageHandler keeps those addressed to it. Delivery is
 * asynchronous and in order, as across a thread.
 */
export class InThreadPort {
  readonly #listeners = new Map<Listener, (() => void) | undefined>();

  postMessage(message: unknown, transfer?: Transferable[]): void {
    const event = { data: deliveredCopy(message, transfer) };
    queueMicrotask(() => {
      for (const listener of [...this.#listeners.keys()]) listener.call(this, event);
    });
  }

  addEventListener(_type: "message", listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    let detach: (() => void) | undefined;
    if (signal) {
      const onAbort = (): void => this.removeEventListener("message", listener);
      signal.addEventListener("abort", onAbort, { once: true });
      detach = () => signal.removeEventListener("abort", onAbort);
    }
    this.#listeners.set(listener, detach);
  }

  removeEventListener(_type: "message", listener: Listener): void {
    this.#listeners.get(listener)?.();
    this.#listeners.delete(listener);
  }

  terminate(): void {
    for (const detach of this.#listeners.values()) detach?.();
    this.#listeners.clear();
  }
}
