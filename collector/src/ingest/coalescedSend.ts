/** How long the first message of a shared send waits for others before the send goes out, ms. */
export const COALESCE_WINDOW_MS = 4;

/** Messages one `sendBatch` may carry (Cloudflare Queues' limit). */
export const MAX_BATCH_MESSAGES = 100;

/** Bytes one `sendBatch` may carry: Cloudflare Queues' 256 KB, less headroom for what it adds to each message. */
export const MAX_BATCH_BYTES = 240_000;

/** A message to send, with the size of its JSON body in bytes. */
export interface SizedMessage<T> {
  body: T;
  bytes: number;
}

/** The send that a Queue's waiting messages will share. */
interface SharedSend<T> {
  messages: MessageSendRequest<T>[];
  bytes: number;
  timer?: ReturnType<typeof setTimeout>;
  sent: Promise<void>;
  go: () => void;
}

const open = new WeakMap<Queue<never>, SharedSend<never>>();

/** Opens a shared send on a Queue; it goes out after `COALESCE_WINDOW_MS`, or sooner when `go()` is called. */
const openSend = <T>(queue: Queue<T>, waitUntil: (promise: Promise<unknown>) => void): SharedSend<T> => {
  let go = () => {};
  const sent = new Promise<void>((resolve, reject) => {
    go = () => {
      clearTimeout(shared.timer);
      if (open.get(queue as Queue<never>) === (shared as SharedSend<never>)) open.delete(queue as Queue<never>);
      queue.sendBatch(shared.messages).then(resolve, reject);
    };
  });
  const shared: SharedSend<T> = { messages: [], bytes: 0, sent, go };
  shared.timer = setTimeout(go, COALESCE_WINDOW_MS);
  // The request that opened the send keeps it alive, so that it goes out even if that request's client goes away.
  waitUntil(sent.catch(() => undefined));
  open.set(queue as Queue<never>, shared as SharedSend<never>);
  return shared;
};

const fits = <T>(shared: SharedSend<T>, count: number, bytes: number) =>
  shared.messages.length + count <= MAX_BATCH_MESSAGES && shared.bytes + bytes <= MAX_BATCH_BYTES;

/**
 * Sends messages in the `sendBatch` that concurrent callers of this isolate share: the first waits
 * `COALESCE_WINDOW_MS` for others, and a send goes out at once when it holds `MAX_BATCH_MESSAGES` or
 * `MAX_BATCH_BYTES`. One caller's messages ride in one send whenever they fit in one. Resolves once every send that
 * carries the caller's messages was accepted, and rejects if one was refused: every caller whose messages were in a
 * refused send learns it, so none answers 202 for messages that could be lost.
 */
export const coalescedSend = <T>(
  queue: Queue<T>,
  messages: SizedMessage<T>[],
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<void> => {
  const total = messages.reduce((sum, message) => sum + message.bytes, 0);
  let shared = open.get(queue as Queue<never>) as SharedSend<T> | undefined;
  if (shared && !fits(shared, messages.length, total)) {
    shared.go();
    shared = undefined;
  }
  const sends = new Set<Promise<void>>();
  for (const { body, bytes } of messages) {
    if (shared && !fits(shared, 1, bytes)) {
      shared.go();
      shared = undefined;
    }
    shared ??= openSend(queue, waitUntil);
    shared.messages.push({ body, contentType: 'json' });
    shared.bytes += bytes;
    sends.add(shared.sent);
  }
  if (shared && !fits(shared, 1, 0)) shared.go();
  return Promise.all(sends).then(() => undefined);
};
