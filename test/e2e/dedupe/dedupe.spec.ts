import { expect, test } from '@playwright/test';
import { demoKeys, eventually, npsStats, postBatch } from '../helpers/collector';

/** A fresh UUIDv7 (the SDK's format), so that each run's event is new to the collector. */
const uuid7 = () => {
  const time = Date.now().toString(16).padStart(12, '0');
  const random = crypto.randomUUID().replace(/-/g, '');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(0, 3)}-8${random.slice(3, 6)}-${random.slice(6, 18)}`;
};

test('the same batch posted three times is counted once', async () => {
  // Tablets are not used by the other scenarios, so this count moves only for this batch.
  const before = await npsStats({ device: 'tablet' });
  const event = {
    id: uuid7(),
    type: 'survey_answer',
    ts: Date.now(),
    visitor: uuid7(),
    session: uuid7(),
    url: '/',
    device: 'tablet',
    survey: 'nps',
    response: uuid7(),
    question: 'score',
    kind: 'nps',
    value: 3,
  };
  const batch = { site: demoKeys().writeKey, events: [event] };
  for (let attempt = 0; attempt < 3; attempt++) {
    const response = await postBatch(batch);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1, rejected: [] });
  }

  await eventually(
    () => npsStats({ device: 'tablet' }),
    (stats) => stats.n > before.n,
  );
  // Give any duplicate time to arrive through the Queue before counting.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(await npsStats({ device: 'tablet' })).toEqual({
    ...before,
    n: before.n + 1,
    detractors: before.detractors + 1,
  });
});
