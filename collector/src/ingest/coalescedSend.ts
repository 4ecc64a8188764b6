/**
 * How long waiting messages wait at most for a send of the same Queue already under way, ms. With none under way
 * they go out at the end of the current task; with one, as soon as it is answered (whichever comes first).
 */
export const COALESCE_WINDOW_MS = 10;

/** Messages one `sendBatch` may carry (Cloudflare Queues' limit). */
export const MAX_BATCH_MESSAGES = 100;

/** Bytes one `sendBatch` may carry: Cloudflare Queues' 256 KB, less headroom for what it adds to each message. */
export const MAX_BATCH_BYTES = 240_000;

/** A message to send, with the size of its JSON body in bytes. */
export interface SizedMessage<T> {
  body: T;
  bytes: number;
}

/** How long a caller waits at most for the send that carries its messages before it gives up on it, ms. */
export const SEND_TIMEOUT_MS = 15_000;

/** The send that a Queue's waiting messages will share. */
interface SharedSend<T> {
  messages: MessageSendRequest<T>[];
  bytes: number;
  sent: Promise<void>;
  /** Lets the send go out now. It still starts in its opener's request, which awaits it: whoever wakes it may not. */
  wake: () => void;
}

/** A Queue's waiting send, and how many of its sends are under way. */
interface QueueState<T> {
  waiting?: SharedSend<T>;
  underWay: number;
}

const states = new WeakMap<Queue<never>, QueueState<never>>();

const stateOf = <T>(queue: Queue<T>): QueueState<T> => {
  let state = states.get(queue as Queue<never>) as QueueState<T> | undefined;
  if (!state) {
    state = { underWay: 0 };
    states.set(queue as Queue<never>, state as QueueState<never>);
  }
  return state;
};

/**
 * Opens the Queue's waiting send. It goes out when woken, or on its timer. Workers run a promise's continuation in
 * the request that created it, so the send starts in the opener's request, which awaits it and keeps it alive
 * through `waitUntil`, even when the request that wakes it (a finished send, a caller that filled it) then ends.
 */
const openSend = <T>(
  queue: Queue<T>,
  state: QueueState<T>,
  waitUntil: (promise: Promise<unknown>) => void,
): SharedSend<T> => {
  let wake = () => {};
  const woken = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const timer = setTimeout(wake, state.underWay ? COALESCE_WINDOW_MS : 0);
  const sent = woken.then(async () => {
    clearTimeout(timer);
    if (state.waiting === shared) state.waiting = undefined;
    state.underWay++;
    try {
      await queue.sendBatch(shared.messages);
    } finally {
      state.underWay--;
      state.waiting?.wake();
    }
  });
  const shared: SharedSend<T> = { messages: [], bytes: 0, sent, wake };
  waitUntil(sent.catch(() => undefined));
  state.waiting = shared;
  return shared;
};

const fits = <T>(shared: SharedSend<T>, count: number, bytes: number) =>
  shared.messages.length + count <= MAX_BATCH_MESSAGES && shared.bytes + bytes <= MAX_BATCH_BYTES;

/**
 * Sends messages in the `sendBatch` that concurrent callers of this isolate share, as a database commits a group:
 * while a send is under way, the messages of other callers wait for it to be answered (at most
 * `COALESCE_WINDOW_MS`) and then go out together; a send goes out at once when it holds `MAX_BATCH_MESSAGES` or
 * `MAX_BATCH_BYTES`. An idle isolate adds no wait. One caller's messages ride in one send whenever they fit in one. Resolves once every send that
 * carries the caller's messages was accepted, and rejects if one was refused: every caller whose messages were in a
 * refused send learns it, so none answers 202 for messages that could be lost.
 */
export const coalescedSend = <T>(
  queue: Queue<T>,
  messages: SizedMessage<T>[],
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<void> => {
  const total = messages.reduce((sum, message) => sum + message.bytes, 0);
  const state = stateOf(queue);
  let shared = state.waiting;
  if (shared && !fits(shared, messages.length, total)) {
    shared.wake();
    shared = undefined;
  }
  const sends = new Set<Promise<void>>();
  for (const { body, bytes } of messages) {
    if (shared && !fits(shared, 1, bytes)) {
      shared.wake();
      shared = undefined;
    }
    shared ??= openSend(queue, state, waitUntil);
    shared.messages.push({ body, contentType: 'json' });
    shared.bytes += bytes;
    sends.add(shared.sent);
  }
  if (shared && !fits(shared, 1, 0)) shared.wake();
  // A timer of the caller's own, too: a request that only awaits another request's I/O could be taken for hung.
  let clear = () => {};
  const timeout = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new Error('the Queue did not answer in time')), SEND_TIMEOUT_MS);
    clear = () => clearTimeout(timer);
  });
  return Promise.race([Promise.all(sends), timeout]).then(
    () => clear(),
    (error: unknown) => {
      clear();
      throw error;
    },
  );
};
