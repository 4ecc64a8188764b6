import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Bindings, IngestMessage } from '../src/env';
import worker from '../src/index';
import { coalescedSend, MAX_BATCH_BYTES, MAX_BATCH_MESSAGES } from '../src/ingest/coalescedSend';
import { createSite, eventually, npsAnswer, pageview, readStats, storedCount } from './helpers';

/** A Queue that records each `sendBatch` and then hands it to `then` (accept, refuse, or the real Queue). */
const recordingQueue = <T>(then: (batch: MessageSendRequest<T>[]) => Promise<void> = async () => {}) => {
  const sends: MessageSendRequest<T>[][] = [];
  const queue = {
    send: () => Promise.reject(new Error('send() is not used: every message goes through sendBatch')),
    sendBatch: (batch: MessageSendRequest<T>[]) => {
      sends.push(batch);
      return then(batch);
    },
  } as unknown as Queue<T>;
  return { sends, queue };
};

const keepAlive = () => undefined;

describe('coalescedSend', () => {
  it('sends what concurrent callers queue in one task as one sendBatch', async () => {
    const { sends, queue } = recordingQueue<number>();
    await Promise.all(Array.from({ length: 10 }, (_, i) => coalescedSend(queue, [{ body: i, bytes: 10 }], keepAlive)));
    expect(sends.map((batch) => batch.map((message) => message.body))).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });

  it('holds what comes while a send is under way until it is answered, then sends it together', async () => {
    let answer = () => {};
    const { sends, queue } = recordingQueue<number>(
      (batch) => new Promise((resolve) => (batch[0]!.body === 0 ? (answer = resolve) : resolve())),
    );
    const first = coalescedSend(queue, [{ body: 0, bytes: 1 }], keepAlive);
    await new Promise((resolve) => setTimeout(resolve, 1));
    expect(sends).toHaveLength(1);
    const later = [1, 2, 3].map((body) => coalescedSend(queue, [{ body, bytes: 1 }], keepAlive));
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect(sends).toHaveLength(1);
    answer();
    await Promise.all([first, ...later]);
    expect(sends.map((batch) => batch.map((message) => message.body))).toEqual([[0], [1, 2, 3]]);
  });

  it('sends what waits on a send that is not answered within the window', async () => {
    const { sends, queue } = recordingQueue<number>(
      (batch) => new Promise((resolve) => batch[0]!.body !== 0 && resolve()),
    );
    void coalescedSend(queue, [{ body: 0, bytes: 1 }], keepAlive);
    await new Promise((resolve) => setTimeout(resolve, 1));
    await coalescedSend(queue, [{ body: 1, bytes: 1 }], keepAlive);
    expect(sends.map((batch) => batch.map((message) => message.body))).toEqual([[0], [1]]);
  });

  it('sends at once when a send holds the most messages or bytes it may, and opens the next', async () => {
    const { sends, queue } = recordingQueue<number>();
    const callers = Array.from({ length: MAX_BATCH_MESSAGES + 50 }, (_, i) =>
      coalescedSend(queue, [{ body: i, bytes: 10 }], keepAlive),
    );
    // The full send leaves at once: before any timer, as soon as the callers' synchronous work is done.
    await Promise.resolve();
    expect(sends.map((batch) => batch.length)).toEqual([MAX_BATCH_MESSAGES]);
    await Promise.all(callers);
    expect(sends.map((batch) => batch.length)).toEqual([MAX_BATCH_MESSAGES, 50]);

    const big = recordingQueue<string>();
    const third = Math.floor(MAX_BATCH_BYTES / 3) + 1;
    await Promise.all(['a', 'b', 'c'].map((body) => coalescedSend(big.queue, [{ body, bytes: third }], keepAlive)));
    expect(big.sends.map((batch) => batch.map((message) => message.body))).toEqual([['a', 'b'], ['c']]);
  });

  it("keeps one caller's messages in one send when they fit in one", async () => {
    const { sends, queue } = recordingQueue<string>();
    const half = Math.floor(MAX_BATCH_BYTES / 2) - 1;
    await Promise.all([
      coalescedSend(queue, [{ body: 'small', bytes: 10 }], keepAlive),
      coalescedSend(
        queue,
        [
          { body: 'part 1', bytes: half },
          { body: 'part 2', bytes: half },
        ],
        keepAlive,
      ),
    ]);
    expect(sends.map((batch) => batch.map((message) => message.body))).toEqual([['small'], ['part 1', 'part 2']]);
  });

  it('fails every caller whose messages were in a refused send, and only those', async () => {
    const { sends, queue } = recordingQueue<number>(async (batch) => {
      if (batch.length === MAX_BATCH_MESSAGES) throw new Error('Queue send failed: 503');
    });
    const outcomes = await Promise.allSettled(
      Array.from({ length: MAX_BATCH_MESSAGES + 3 }, (_, i) =>
        coalescedSend(queue, [{ body: i, bytes: 1 }], keepAlive),
      ),
    );
    expect(sends.map((batch) => batch.length)).toEqual([MAX_BATCH_MESSAGES, 3]);
    expect(outcomes.slice(0, MAX_BATCH_MESSAGES).every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(outcomes.slice(MAX_BATCH_MESSAGES).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
  });
});

/** Posts a batch to the worker with the given env, as concurrent clients would, and waits for its `waitUntil`s. */
const post = async (bindings: Bindings, body: unknown) => {
  const ctx = createExecutionContext();
  const request = new Request('https://collector.test/v1/events', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify(body),
  });
  const response = await worker.fetch(request, bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
};

/** Posts one batch first, so that the site's key is cached and concurrent requests reach the Queue together. */
const warm = async (writeKey: string) =>
  expect((await post(env as unknown as Bindings, { site: writeKey, events: [pageview()] })).status).toBe(202);

const WINDOW = `?from=2000-01-01&to=${new Date(Date.now() + 86_400_000).toISOString()}`;

describe('the write path shares Queue sends', () => {
  it('answers 202 to 12 concurrent requests that share two sends, and stores every event once', async () => {
    const site = await createSite('coalesce-share');
    await warm(site.writeKey);
    const real = env as unknown as Bindings;
    // Each send takes 50 ms, as a busy Queue might: requests that come meanwhile wait for it and go out together.
    const { sends, queue } = recordingQueue<IngestMessage>(async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await real.EVENTS.sendBatch(batch);
    });
    const bindings = { ...real, EVENTS: queue };
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        post(bindings, { site: site.writeKey, events: [pageview(), npsAnswer(9), pageview()] }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(202));
    expect(sends.length).toBeLessThanOrEqual(2);
    expect(sends.flat()).toHaveLength(12);
    expect(
      await eventually(
        () => storedCount('coalesce-share'),
        (n) => n >= 37,
      ),
    ).toBe(37);
  });

  it('answers 503 to every request of a refused send; their retries store each event once', async () => {
    const site = await createSite('coalesce-refused');
    await warm(site.writeKey);
    const real = env as unknown as Bindings;
    const refusing = recordingQueue<IngestMessage>(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('Queue send failed: 503');
    });
    const batches = Array.from({ length: 5 }, () => ({
      site: site.writeKey,
      events: [pageview(), npsAnswer(10)],
      dropped: 1,
    }));
    const refused = await Promise.all(batches.map((batch) => post({ ...real, EVENTS: refusing.queue }, batch)));
    expect(refusing.sends.length).toBeLessThanOrEqual(2);
    expect(refusing.sends.flat()).toHaveLength(5);
    expect(refused.map((response) => response.status)).toEqual(Array(5).fill(503));
    expect(refused.map((response) => response.headers.get('Retry-After'))).toEqual(Array(5).fill('5'));

    const retried = await Promise.all([...batches, ...batches].map((batch) => post(real, batch)));
    expect(retried.map((response) => response.status)).toEqual(Array(10).fill(202));
    expect(
      await eventually(
        () => storedCount('coalesce-refused'),
        (n) => n >= 11,
      ),
    ).toBe(11);
    const stats = await readStats<Record<string, number>>('coalesce-refused', site.readKey, 'nps', WINDOW);
    expect(stats.body).toMatchObject({ n: 5, promoters: 5 });
    expect(await storedCount('coalesce-refused')).toBe(11);
  });
});
