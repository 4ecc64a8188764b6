import { env } from 'cloudflare:workers';
import type { PulseEvent } from '@pulse/sdk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRICTION_SIGNALS } from '../src/aggregates/friction/signals';
import { impactCounts } from '../src/aggregates/impact/queries';
import type { ImpactStats } from '../src/aggregates/impact/schema';
import { newcombe } from '../src/aggregates/scores/newcombe';
import { type NpsCounts, npsClass } from '../src/aggregates/scores/nps';
import { npsDifference } from '../src/aggregates/scores/npsDifference';
import { welch } from '../src/aggregates/scores/welch';
import { windowOf } from '../src/aggregates/window';
import type { AnswerPage } from '../src/schema/responses';
import { event, store, T0, WINDOW } from './frictionEvents';
import { ADMIN, call, createSite, readStats } from './helpers';

const MINUTE = 60_000;

/** A seeded uniform [0, 1) generator (mulberry32), so that each simulation is the same on every run. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

/** Draws from a discrete distribution given as weights: the index drawn. */
const draw = (next: () => number, weights: number[]) => {
  let u = next();
  for (const [index, weight] of weights.entries()) if ((u -= weight) < 0) return index;
  return weights.length - 1;
};

/** How often an interval covers the truth over `trials` simulated samples. */
const coverage = (trials: number, sample: () => [[number, number] | null, number]) => {
  let covered = 0;
  for (let trial = 0; trial < trials; trial++) {
    const [interval, truth] = sample();
    if (interval && interval[0] <= truth && truth <= interval[1]) covered++;
  }
  return covered / trials;
};

describe('the difference intervals', () => {
  it("Newcombe's method 10 gives the paper's intervals (Newcombe 1998, table II)", () => {
    const [low, high] = newcombe(56, 70, 48, 80)!;
    expect(low).toBeCloseTo(0.0524, 4);
    expect(high).toBeCloseTo(0.3339, 4);
    const [low2, high2] = newcombe(9, 10, 3, 10)!;
    expect(low2).toBeCloseTo(0.1705, 4);
    expect(high2).toBeCloseTo(0.809, 4);
    expect(newcombe(1, 1, 0, 0)).toBeNull();
  });

  it("Welch's interval: with equal sizes and spreads it is Student's pooled one, on 2n − 2 degrees of freedom", () => {
    // Means 5 and 3, sd 2 on both sides, n = 10: se = 2·√(2/10), t(0.975, 18) = 2.100922.
    const half = 2.100922 * 2 * Math.sqrt(0.2);
    const [low, high] = welch({ n: 10, mean: 5, sd: 2 }, { n: 10, mean: 3, sd: 2 })!;
    expect(low).toBeCloseTo(2 - half, 5);
    expect(high).toBeCloseTo(2 + half, 5);
    expect(welch({ n: 1, mean: 5, sd: null }, { n: 10, mean: 3, sd: 2 })).toBeNull();
    expect(welch({ n: 3, mean: 5, sd: 0 }, { n: 4, mean: 3, sd: 0 })).toEqual([2, 2]);
  });

  it('the NPS difference adds the adjusted-Wald variances of its two sides', () => {
    // 20/10/10 against 10/10/20: p' = 20.75/43, d' = 10.75/43 and the reverse.
    const p = 20.75 / 43;
    const d = 10.75 / 43;
    const variance = (p + d - (p - d) ** 2) / 43;
    const half = 1.96 * Math.sqrt(2 * variance);
    const [low, high] = npsDifference(
      { promoters: 20, passives: 10, detractors: 10 },
      { promoters: 10, passives: 10, detractors: 20 },
    )!;
    expect(low).toBeCloseTo(100 * (2 * (p - d) - half), 8);
    expect(high).toBeCloseTo(100 * (2 * (p - d) + half), 8);
    expect(
      npsDifference({ promoters: 1, passives: 0, detractors: 0 }, { promoters: 0, passives: 0, detractors: 0 }),
    ).toBeNull();
  });

  it('each covers the true difference about 95 % of the time on simulated answers', () => {
    const next = random(42);
    const trials = 2_000;
    const csat = coverage(trials, () => {
      const hits = (p: number, n: number) => Array.from({ length: n }, () => next() < p).filter(Boolean).length;
      const interval = newcombe(hits(0.7, 40), 40, hits(0.55, 60), 60);
      return [interval, 0.15];
    });
    const classes = (weights: number[], n: number) => {
      const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
      for (let i = 0; i < n; i++) counts[(['promoters', 'passives', 'detractors'] as const)[draw(next, weights)]!]++;
      return counts;
    };
    const nps = coverage(trials, () => [
      npsDifference(classes([0.5, 0.3, 0.2], 50), classes([0.3, 0.3, 0.4], 80)),
      100 * (0.5 - 0.2 - (0.3 - 0.4)),
    ]);
    const scale = [1, 2, 3, 4, 5, 6, 7];
    const meanOf = (weights: number[]) => weights.reduce((sum, weight, index) => sum + weight * scale[index]!, 0);
    const sampleOf = (weights: number[], n: number) => {
      const values = Array.from({ length: n }, () => scale[draw(next, weights)]!);
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1));
      return { n, mean, sd };
    };
    const hard = [0.3, 0.2, 0.15, 0.1, 0.1, 0.1, 0.05];
    const easy = [0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.3];
    const ces = coverage(trials, () => [welch(sampleOf(hard, 15), sampleOf(easy, 40)), meanOf(hard) - meanOf(easy)]);
    for (const [name, share] of Object.entries({ csat, nps, ces })) {
      expect(share, name).toBeGreaterThan(0.93);
      expect(share, name).toBeLessThan(0.975);
    }
  });
});

describe('GET /v1/sites/:site/stats/impact', () => {
  const SITE = 'impact-site';
  let readKey: string;
  const read = async (query = WINDOW) => {
    const { status, body } = await readStats<ImpactStats>(SITE, readKey, 'impact', query);
    expect(status).toBe(200);
    return body;
  };
  /** An answer of `kind` in a visitor's session, a minute after T0. */
  const answer = (visitor: string, kind: 'nps' | 'csat' | 'ces', value: number, url = '/thanks') =>
    event('survey_answer', {
      visitor,
      session: `${visitor}-s`,
      url,
      ts: T0 + MINUTE,
      survey: kind,
      response: `${visitor}-${kind}`,
      question: 'score',
      kind,
      value,
    } as Partial<PulseEvent>);
  const inSession = (visitor: string, type: PulseEvent['type'], fields: Record<string, unknown>) =>
    event(type, { visitor, session: `${visitor}-s`, url: '/checkout', ...fields });

  beforeAll(async () => {
    readKey = (await createSite(SITE)).readKey;
    await store(SITE, [
      // Three respondents rage-clicked the pay button before answering.
      ...['a1', 'a2', 'a3'].map((visitor) =>
        inSession(visitor, 'rage_click', { target: '#pay', label: 'Pay now', count: 4 }),
      ),
      answer('a1', 'nps', 2),
      answer('a2', 'nps', 3),
      answer('a3', 'nps', 9),
      answer('a1', 'csat', 2),
      answer('a2', 'ces', 3),
      answer('a3', 'ces', 2),
      // Five met no friction; c1's dead click came after the answer, so it does not count.
      answer('b1', 'nps', 10),
      answer('b2', 'nps', 9),
      answer('b3', 'nps', 9),
      answer('b4', 'nps', 7),
      answer('c1', 'nps', 10),
      inSession('c1', 'dead_click', { target: 'img.hero', ts: T0 + 2 * MINUTE }),
      answer('b1', 'csat', 5),
      answer('b2', 'csat', 4),
      answer('b3', 'ces', 6),
      answer('b4', 'ces', 7),
      // d1's answer arrives first; the error captured before it arrives in a later delivery.
      answer('d1', 'nps', 0),
    ]);
    await store(SITE, [inSession('d1', 'js_error', { message: 'boom' })]);
  });

  it('compares respondents who met friction before their answer with those who met none', async () => {
    const stats = await read();
    expect(stats.nps.friction).toMatchObject({ n: 4, promoters: 1, passives: 0, detractors: 3, score: -50 });
    expect(stats.nps.none).toMatchObject({ n: 5, promoters: 4, passives: 1, detractors: 0, score: 80 });
    expect(stats.nps.difference).toBe(-130);
    expect(stats.nps.ci95).toEqual(npsDifference(stats.nps.friction, stats.nps.none));
    expect(stats.nps.lowSample).toBe(true);
    expect(stats.csat.friction).toMatchObject({ n: 1, satisfied: 0, score: 0 });
    expect(stats.csat.none).toMatchObject({ n: 2, satisfied: 2, score: 100 });
    expect(stats.csat.difference).toBe(-100);
    const [low, high] = newcombe(0, 1, 2, 2)!;
    expect(stats.csat.ci95).toEqual([100 * low, 100 * high]);
    expect(stats.ces.friction).toMatchObject({ n: 2, mean: 2.5 });
    expect(stats.ces.none).toMatchObject({ n: 2, mean: 6.5 });
    expect(stats.ces.difference).toBe(-4);
    expect(stats.ces.ci95).toEqual(welch(stats.ces.friction, stats.ces.none));
  });

  it('compares per signal and per worst element, each against respondents who met no friction', async () => {
    const stats = await read();
    const signal = (name: string) => stats.signals.find((row) => row.signal === name)!;
    expect(stats.signals.map((row) => row.signal)).toEqual([...FRICTION_SIGNALS]);
    expect(signal('rage_click').nps.friction).toMatchObject({ n: 3, promoters: 1, detractors: 2 });
    expect(signal('rage_click').nps.none.n).toBe(5);
    expect(signal('js_error').nps.friction).toMatchObject({ n: 1, detractors: 1, score: -100 });
    expect(signal('dead_click').nps.friction.n).toBe(0);
    expect(signal('dead_click').nps.difference).toBeNull();
    expect(
      stats.elements.map(({ path, target, label, rage_click, dead_click }) => ({
        path,
        target,
        label,
        rage_click,
        dead_click,
      })),
    ).toEqual([
      { path: '/checkout', target: '#pay', label: 'Pay now', rage_click: 3, dead_click: 0 },
      { path: '/checkout', target: 'img.hero', label: null, rage_click: 0, dead_click: 1 },
    ]);
    expect(stats.elements[0]!.nps.friction).toMatchObject({ n: 3, score: (100 * (1 - 2)) / 3 });
    expect(stats.elements[0]!.csat.friction).toMatchObject({ n: 1, score: 0 });
    expect(stats.elements[1]!.nps.friction.n).toBe(0);
  });

  it('filters the answers by survey, page and device', async () => {
    const nps = await read(`${WINDOW}&survey=nps`);
    expect([nps.nps.friction.n, nps.nps.none.n, nps.csat.none.n]).toEqual([4, 5, 0]);
    const elsewhere = await read(`${WINDOW}&path=/elsewhere`);
    expect([elsewhere.nps.friction.n, elsewhere.nps.none.n, elsewhere.elements]).toEqual([0, 0, []]);
    const phones = await read(`${WINDOW}&device=mobile`);
    expect(phones.nps.none.n).toBe(0);
  });

  it('an erased respondent leaves both sides', async () => {
    const site = 'impact-erasure';
    const key = (await createSite(site)).readKey;
    await store(site, [
      inSession('e1', 'rage_click', { target: '#pay', count: 3 }),
      answer('e1', 'nps', 1),
      answer('e2', 'nps', 10),
    ]);
    const before = (await readStats<ImpactStats>(site, key, 'impact', WINDOW)).body;
    expect([before.nps.friction.n, before.nps.none.n]).toEqual([1, 1]);
    for (const visitor of ['e1', 'e2'])
      expect(
        (await call(`/v1/sites/${site}/respondents/${visitor}`, { method: 'DELETE', headers: ADMIN })).status,
      ).toBe(200);
    const after = (await readStats<ImpactStats>(site, key, 'impact', WINDOW)).body;
    expect([after.nps.friction.n, after.nps.none.n]).toEqual([0, 0]);
  });

  it('the export lists the friction each respondent met before answering, and filters by it', async () => {
    const exported = async (query: string) => {
      const response = await call(`/v1/sites/${SITE}/responses?${query}`, {
        headers: { Authorization: `Bearer ${readKey}` },
      });
      return { status: response.status, body: (await response.json()) as AnswerPage };
    };
    const visitors = (page: AnswerPage) => page.answers.map((answer) => answer.visitor).sort();
    const all = await exported('survey=nps');
    const byVisitor = Object.fromEntries(all.body.answers.map((answer) => [answer.visitor, answer.friction]));
    expect(byVisitor.a1).toEqual([
      { type: 'rage_click', target: '#pay', path: '/checkout', time: new Date(T0).toISOString() },
    ]);
    expect(byVisitor.d1).toEqual([
      { type: 'js_error', target: null, path: '/checkout', time: new Date(T0).toISOString() },
    ]);
    // c1's dead click came after the answer.
    expect(byVisitor.c1).toEqual([]);
    expect(visitors((await exported('survey=nps&friction=any')).body)).toEqual(['a1', 'a2', 'a3', 'd1']);
    expect(visitors((await exported('friction=js_error')).body)).toEqual(['d1']);
    expect(visitors((await exported('target=%23pay')).body)).toEqual(['a1', 'a1', 'a2', 'a2', 'a3', 'a3']);
    expect(visitors((await exported('target=img.hero')).body)).toEqual([]);
    const csv = await call(`/v1/sites/${SITE}/responses?format=csv&friction=js_error`, {
      headers: { Authorization: `Bearer ${readKey}` },
    });
    const [header, row] = (await csv.text()).replace('\uFEFF', '').split('\r\n');
    expect(header!.split(',').at(-1)).toBe('friction');
    expect(row!.split(',').at(-1)).toBe('js_error on /checkout');
    expect((await exported('friction=nope')).status).toBe(400);
  });

  it('reads friction through the partial index by session, and answers through the answers index, both covering', async () => {
    const plans: string[] = [];
    const explaining = {
      prepare: (sql: string) => ({
        bind: (...values: unknown[]) => ({ sql, values }),
      }),
      batch: async (statements: { sql: string; values: unknown[] }[]) => {
        for (const { sql, values } of statements) {
          const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
            .bind(...values)
            .all<{ detail: string }>();
          plans.push(results.map((row) => row.detail).join('\n'));
        }
        return statements.map(() => ({ results: [] }));
      },
    } as unknown as D1Database;
    await impactCounts(explaining, SITE, windowOf({ from: '2026-11-01', to: '2026-11-10' }), {});
    const [answers] = plans;
    expect(answers).toMatch(/MATERIALIZE answers/);
    // Both from covering indexes: no lookup in the events table, whose rows lie scattered.
    expect(answers).toMatch(/COVERING INDEX events_site_answers_scores/);
    expect(answers).toMatch(/COVERING INDEX events_friction_session/);
    expect(answers).not.toMatch(/SCAN f\b/);
    expect(answers).not.toMatch(/sqlite_autoindex_events/);
  });

  it('classes every NPS score by the one rule', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsClass)).toEqual([
      'detractors',
      'detractors',
      'passives',
      'passives',
      'promoters',
      'promoters',
    ]);
  });
});
