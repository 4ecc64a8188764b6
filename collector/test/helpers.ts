import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import type { PulseEvent, QuestionKind } from '@pulse/sdk/protocol';
import type { Bindings, IngestMessage } from '../src/env';
import worker from '../src/index';
import type { IngestCounts } from '../src/ingest/counters';
import { normalize } from '../src/ingest/normalize';
import type { WebhookJob } from '../src/webhooks/jobs';

export const ADMIN = { Authorization: 'Bearer test-admin-token' };

/**
 * Runs a query function against a D1 binding that adds up the rows D1 says each statement read, whether it ran
 * alone (`all()`) or in a `batch()`, and returns that sum.
 */
export const rowsRead = async (query: (db: D1Database) => Promise<unknown>): Promise<number> => {
  let read = 0;
  const count = (result: D1Result) => {
    read += result.meta.rows_read ?? 0;
    return result;
  };
  const db = {
    prepare: (sql: string) => ({
      bind: (...values: unknown[]) => {
        const statement = env.DB.prepare(sql).bind(...values);
        const all = statement.all.bind(statement);
        // Answered alone, the statement is read through `all()`; in a batch, as itself.
        return Object.assign(statement, { all: async () => count(await all()) });
      },
    }),
    batch: async (statements: D1PreparedStatement[]) => {
      const results = await env.DB.batch(statements);
      for (const result of results) count(result);
      return results;
    },
  } as unknown as D1Database;
  await query(db);
  return read;
};

/** Waits until `read()` satisfies `done`, for the Queue consumer to catch up, and answers the last reading. */
export const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
};

/** Calls the worker over HTTP, as a client would. */
export const call = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(`https://collector.test${path}`, init));

/** Creates a site through the admin API and returns its keys. */
export const createSite = async (id: string, origins: string[] = [], extra: Record<string, unknown> = {}) => {
  const response = await call('/v1/admin/sites', {
    method: 'POST',
    headers: { ...ADMIN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, name: id, origins, ...extra }),
  });
  if (response.status !== 201) throw new Error(`createSite: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; writeKey: string; readKey: string };
};

let sequence = 0;

/** A UUIDv7 for a test event, unique within the run, its time part set to `ts`. */
export const testId = (ts = Date.now()): string => {
  const time = ts.toString(16).padStart(12, '0');
  const counter = (++sequence).toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7000-8000-${counter}`;
};

/** A survey answer event of any kind. */
export const surveyAnswer = (
  kind: QuestionKind,
  value: number | string | string[],
  overrides: Partial<PulseEvent> = {},
): PulseEvent =>
  ({
    id: testId(),
    type: 'survey_answer',
    ts: Date.now(),
    visitor: `v-${sequence}`,
    session: 's-1',
    url: '/pricing',
    device: 'desktop',
    survey: kind,
    response: `r-${sequence}`,
    question: 'score',
    kind,
    value,
    ...overrides,
  }) as PulseEvent;

/** An NPS answer event with the given score. */
export const npsAnswer = (score: number, overrides: Partial<PulseEvent> = {}): PulseEvent =>
  surveyAnswer('nps', score, overrides);

/** A page view event. */
export const pageview = (overrides: Partial<PulseEvent> = {}): PulseEvent =>
  ({
    id: testId(),
    type: 'pageview',
    ts: Date.now(),
    visitor: `v-${sequence}`,
    session: 's-1',
    url: '/',
    device: 'desktop',
    ...overrides,
  }) as PulseEvent;

/** Posts a batch to the write path. */
export const postBatch = (body: unknown, headers: Record<string, string> = {}) =>
  call('/v1/events', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

/** A delivery as the write path queues it: the events normalised, received at `received`. */
export const delivery = async (
  site: string,
  events: PulseEvent[],
  received = Date.now(),
  counts?: Partial<IngestCounts>,
): Promise<IngestMessage> => ({
  id: crypto.randomUUID(),
  site,
  received,
  events: await Promise.all(events.map((event) => normalize(event, received))),
  counts,
});

/**
 * Runs the Queue consumer on messages directly, as a redelivery would, and returns the ack/retry state: as their
 * `attempts`-th delivery, from the events queue or, dead-lettered, from its dead-letter queue.
 */
export const deliver = async (
  messages: IngestMessage[],
  { attempts = 1, queue = 'pulse-events' }: { attempts?: number; queue?: string } = {},
) => {
  const batch = createMessageBatch<IngestMessage>(
    queue,
    messages.map((body, index) => ({ id: `m-${sequence}-${index}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await (worker.queue as ExportedHandlerQueueHandler<Cloudflare.Env, IngestMessage>)(batch, env, ctx);
  return getQueueResult(batch, ctx);
};

/** Stores events straight through the consumer (the path the Queue takes, without its delay). */
export const store = async (site: string, events: PulseEvent[], received = Date.now()) =>
  deliver([await delivery(site, events, received)]);

/** Reads a stats route with a read key. */
export const readStats = async <T>(site: string, key: string, route: string, query = '') => {
  const response = await call(`/v1/sites/${site}/stats/${route}${query}`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  return { status: response.status, body: (await response.json()) as T };
};

/** Counts a site's stored raw events. */
export const storedCount = async (site: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM events WHERE site = ?').bind(site).first<{ n: number }>())!.n;

/**
 * A database built by migrations before 0012, written to as the code of that time did: its events' value column was
 * still called `score`. (`insertEvents` only prepares statements.)
 */
export const before0012 = (db: D1Database) =>
  ({ prepare: (sql: string) => db.prepare(sql.replace(', value, ', ', score, ')) }) as D1Database;

/**
 * A webhooks Queue that only records what is sent to it, and the worker's env with it: the jobs under test run by
 * hand, one step at a time. `sent` holds the jobs, `messages` the jobs with their delays.
 */
export const recordingQueue = () => {
  const messages: { body: WebhookJob; delaySeconds?: number }[] = [];
  const sent: WebhookJob[] = [];
  const record = (message: { body: WebhookJob; delaySeconds?: number }) => {
    messages.push(message);
    sent.push(message.body);
  };
  const queue = {
    send: async (body: WebhookJob, options?: { delaySeconds?: number }) => record({ body, ...options }),
    sendBatch: async (batch: { body: WebhookJob; delaySeconds?: number }[]) => batch.forEach(record),
  } as unknown as Queue<WebhookJob>;
  return { sent, messages, queue, env: { ...env, WEBHOOKS: queue } as Bindings };
};
