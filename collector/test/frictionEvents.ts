import type { PulseEvent } from '@pulse/sdk/protocol';
import { PulseEventSchema } from '../src/schema/events';
import { deliver, delivery, testId } from './helpers';

/** Monday 2 November 2026, 10:30 UTC: the time the friction tests' events happen around. */
export const T0 = Date.UTC(2026, 10, 2, 10, 30);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Fields an event of the friction tests may set; the rest defaults to a desktop visit of `/`. */
type Fields = Partial<PulseEvent> & Record<string, unknown>;

/** An event of any type, as the SDK would send it. */
export const event = (type: PulseEvent['type'], fields: Fields = {}): PulseEvent => {
  const ts = (fields.ts as number | undefined) ?? T0;
  return {
    id: testId(ts),
    ts,
    visitor: 'visitor-1',
    session: 'session-1',
    url: '/',
    device: 'desktop',
    type,
    ...fields,
  } as PulseEvent;
};

/** A vital report. */
export const vital = (name: string, value: number, metric: string, fields: Fields = {}) =>
  event('vital', { name, value, metric, ...fields } as Fields);

/**
 * Stores events the way the write path does (validated by the schema, normalised) and then the Queue consumer
 * (one transaction), received five days after T0: capture times from three days before T0 to then are kept.
 */
export const store = async (site: string, events: PulseEvent[]) => {
  const received = T0 + 5 * DAY;
  const result = await deliver([
    await delivery(
      site,
      events.map((candidate) => PulseEventSchema.parse(candidate) as PulseEvent),
      received,
    ),
  ]);
  if (!result.ackAll) throw new Error('the consumer did not store the delivery');
};

/** A window query string around T0: from a day before to a week after. */
export const WINDOW = `?from=${new Date(T0 - DAY).toISOString()}&to=${new Date(T0 + 7 * DAY).toISOString()}`;
