import { eventually, npsStats, postBatch } from '../helpers/collector';
import { expect, site, test } from '../helpers/site';

/** A fresh UUIDv7 (the SDK's format), so that each run's events are new to the collector. */
const uuid7 = () => {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = crypto.randomUUID().replace(/-/g, '');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-8${random.slice(3, 6)}-${random.slice(6, 18)}`;
};

/** Fields every event of this scenario shares: a device class no other scenario uses, and ids of its own. */
const base = (run: string) => ({
  id: uuid7(),
  ts: Date.now(),
  visitor: uuid7(),
  session: uuid7(),
  url: `/lab/dedupe-${run}`,
  device: 'tablet',
});

/**
 * Every stats endpoint, with events that move it and the exact change they make. Adding an endpoint is adding a row:
 * `read` gives its counts for this run, `events` what to post, `change` the counts expected after one delivery.
 */
const ENDPOINTS = [
  {
    name: 'nps',
    read: (run: string) => npsStats({ survey: `dedupe-${run}`, device: 'tablet' }),
    events: (run: string) =>
      [3, 8, 10].map((value) => ({
        ...base(run),
        type: 'survey_answer',
        survey: `dedupe-${run}`,
        response: uuid7(),
        question: 'score',
        kind: 'nps',
        value,
      })),
    change: { n: 3, promoters: 1, passives: 1, detractors: 1 },
  },
];

for (const endpoint of ENDPOINTS) {
  test(`the same batch posted three times, and again once stored, is counted once by stats/${endpoint.name}`, async () => {
    const run = `${Date.now()}-${test.info().project.name}`;
    const before = await endpoint.read(run);
    const batch = { site: site().writeKey, events: endpoint.events(run) };
    const post = async () => {
      const response = await postBatch(batch);
      expect(response.status).toBe(202);
      expect(await response.json()).toEqual({ accepted: batch.events.length, rejected: [] });
    };
    // Three copies at once reach the Queue as three messages, likely in one consumer batch.
    await Promise.all([post(), post(), post()]);
    const expected = Object.fromEntries(
      Object.entries(before).map(([key, value]) => [key, value + (endpoint.change[key as keyof typeof before] ?? 0)]),
    );
    expect(
      await eventually(
        () => endpoint.read(run),
        (stats) => stats.n >= expected.n!,
      ),
    ).toEqual(expected);
    // A late copy after storage: to the consumer, the same events again, as a Queue redelivery brings them.
    await post();
    // Give any duplicate time to arrive through the Queue before counting.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await endpoint.read(run)).toEqual(expected);
  });
}
