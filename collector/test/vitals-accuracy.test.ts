import type { VitalName } from '@pulse/sdk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { seeded, uuidv7, visitEvents } from '../../test/bench/lib/events.mjs';
import type { VitalStats } from '../src/aggregates/vitals/schema';
import { normalizePath } from '../src/lib/normalizePath';
import { store, T0 } from './frictionEvents';
import { createSite, readStats } from './helpers';

// The benchmark's own visits (test/bench/lib/events.mjs): its vitals are what the 5 % promise is measured on.
const random = seeded(18);
const visits = Array.from({ length: 1500 }, (_, i) =>
  visitEvents(random, { start: T0 + i * 60_000, id: (ts) => uuidv7(ts, random) }),
);
const reports = visits.flat().filter((event) => event.type === 'vital') as {
  name: VitalName;
  value: number;
  url: string;
  device: string;
}[];

/** The exact 75th percentile by nearest rank. */
const exactP75 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(0.75 * values.length) - 1]!;

let body: VitalStats;

beforeAll(async () => {
  const site = await createSite('vitals-accuracy');
  const events = visits.flat();
  for (let i = 0; i < events.length; i += 100) await store('vitals-accuracy', events.slice(i, i + 100) as never[]);
  const window = `?from=${new Date(T0 - 86_400_000).toISOString()}&to=${new Date(T0 + 3 * 86_400_000).toISOString()}`;
  const answer = await readStats<VitalStats>('vitals-accuracy', site.readKey, 'vitals', window);
  expect(answer.status).toBe(200);
  body = answer.body;
}, 60_000);

describe("vitals p75 on the benchmark's data", () => {
  it('is within 5 % of the exact p75 for every metric', () => {
    for (const metric of body.metrics) {
      const values = reports.filter((report) => report.name === metric.name).map((report) => report.value);
      expect(metric.n, metric.name).toBe(values.length);
      const exact = exactP75(values);
      const error = exact ? Math.abs(metric.p75! - exact) / exact : metric.p75;
      expect(error, `${metric.name}: p75 ${metric.p75} against ${exact}`).toBeLessThanOrEqual(0.05);
    }
  });

  it('is within 5 % of the exact p75 for every page and device class with 30 records or more', () => {
    const large = body.groups.filter((group) => group.n >= 30);
    expect(large.length).toBeGreaterThan(10);
    for (const group of large) {
      const values = reports
        .filter((report) => report.name === group.name && report.device === group.device)
        .filter((report) => normalizePath(report.url) === group.path)
        .map((report) => report.value);
      expect(group.n, `${group.name} ${group.path} ${group.device}`).toBe(values.length);
      const exact = exactP75(values);
      const error = exact ? Math.abs(group.p75! - exact) / exact : group.p75;
      expect(error, `${group.name} ${group.path} ${group.device}: ${group.p75} against ${exact}`).toBeLessThanOrEqual(
        0.05,
      );
    }
  });
});
