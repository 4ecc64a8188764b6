// The benchmark's seeding worker. It runs on the collector's own local D1 (same database id and --persist-to) and
// serves the collector's app for everything but two bench-only routes:
//   POST /__bench/seed  stores generated visits through the collector's own write-path code: each event is
//                       validated (PulseEventSchema), normalised (normalize) and stored by the Queue consumer
//                       (consume), in deliveries of at most 20 events and consumer batches of 100 deliveries, as
//                       wrangler.jsonc configures the Queue; only the HTTP hop and the Queue transport are skipped.
//                       It answers how long the consumer took and the rows D1 says it wrote, apart from the time
//                       spent generating, validating and normalising the events.
//   GET  /__bench/rows  runs one collector request against a D1 binding that reports `meta.rows_read` of every
//                       statement the request ran, so the rows a stats query reads are D1's own count.
import { createApp } from '../../../collector/src/app';
import type { Bindings, IngestMessage } from '../../../collector/src/env';
import { consume } from '../../../collector/src/ingest/consume';
import { normalize, type StoredEvent } from '../../../collector/src/ingest/normalize';
import { PulseEventSchema } from '../../../collector/src/schema/events';
import type { PulseEvent } from '../../../sdk/src/protocol';
import { seeded, uuidv7, visitEvents } from '../lib/events.mjs';
import { countingDatabase, type StatementReport } from './countingDatabase';

/** Events per delivery, as the SDK batches them in this benchmark; deliveries per consumer batch (wrangler.jsonc). */
const EVENTS_PER_DELIVERY = 20;
const DELIVERIES_PER_BATCH = 100;
/** Ids per visit that the seeded UUIDv7s keep apart: far more than a visit's events. */
const IDS_PER_VISIT = 256;

/** What `POST /__bench/seed` is asked for. */
interface SeedRequest {
  site: string;
  /** Index of the first visit; visit `i` is the same every run. */
  from: number;
  /** Store at most this many events (the last visit is cut there). */
  limit: number;
  /** Visits start at uniformly random times in [start, end), ms. */
  start: number;
  end: number;
}

/** Generates visits from `from` on until `limit` events, and stores them through the consumer. */
const seed = async (request: SeedRequest, env: Bindings) => {
  const deliveries: IngestMessage[] = [];
  let events = 0;
  let visit = request.from;
  while (events < request.limit) {
    const random = seeded(visit + 1);
    const start = request.start + random() * (request.end - request.start);
    let serial = 0;
    const id = (ts: number) => uuidv7(ts, random, visit * IDS_PER_VISIT + serial++);
    const raw = visitEvents(random, { start, id }).slice(0, request.limit - events);
    const stored: StoredEvent[] = [];
    for (const candidate of raw) {
      const parsed = PulseEventSchema.safeParse(candidate);
      if (!parsed.success) throw new Error(`visit ${visit}: ${JSON.stringify(parsed.error.issues)}`);
      stored.push(await normalize(parsed.data as PulseEvent, Number(candidate.ts)));
    }
    for (let first = 0; first < stored.length; first += EVENTS_PER_DELIVERY) {
      const slice = stored.slice(first, first + EVENTS_PER_DELIVERY);
      // Received a moment after the delivery's last event, as the SDK sends it.
      const received = slice[slice.length - 1]!.ts + 2000;
      deliveries.push({ id: crypto.randomUUID(), site: request.site, received, events: slice });
    }
    events += stored.length;
    visit++;
  }
  const reports: StatementReport[] = [];
  const db = countingDatabase(env.DB, reports);
  let consumerMs = 0;
  for (let first = 0; first < deliveries.length; first += DELIVERIES_PER_BATCH) {
    let failed = false;
    const messages = deliveries.slice(first, first + DELIVERIES_PER_BATCH).map((body) => ({
      id: body.id,
      timestamp: new Date(),
      attempts: 1,
      body,
      ack: () => undefined,
      retry: () => {
        failed = true;
      },
    }));
    const batch: MessageBatch<IngestMessage> = {
      queue: 'pulse-events',
      messages,
      metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } },
      ackAll: () => undefined,
      retryAll: () => {
        failed = true;
      },
    };
    // The clock moves across D1's answers, so this spans the consumer's statements and their triggers.
    const started = performance.now();
    await consume(batch, { ...env, DB: db });
    consumerMs += performance.now() - started;
    if (failed) throw new Error('the consumer asked for a retry: storing failed');
  }
  const rowsWritten = reports.reduce((sum, report) => sum + report.rowsWritten, 0);
  return { events, deliveries: deliveries.length, next: visit, consumerMs, rowsWritten };
};

const app = createApp();

/** The seeding worker: the collector's app plus the two bench-only routes. */
export default {
  fetch: async (request: Request, env: Bindings, context: ExecutionContext): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname === '/__bench/seed' && request.method === 'POST') {
      return Response.json(await seed(await request.json<SeedRequest>(), env));
    }
    if (url.pathname === '/__bench/rows') {
      const target = new URL(url.searchParams.get('path') ?? '/', url.origin);
      const reports: StatementReport[] = [];
      const response = await app.fetch(
        new Request(target, { headers: request.headers }),
        { ...env, DB: countingDatabase(env.DB, reports) },
        context,
      );
      await response.arrayBuffer();
      return Response.json({
        status: response.status,
        rowsRead: reports.reduce((sum, report) => sum + report.rowsRead, 0),
        statements: reports,
      });
    }
    return app.fetch(request, env, context);
  },
};
