import type { PulseEvent, SiteConfig } from '@pulse/sdk/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CesStats, CsatStats, NpsStats } from '../src/aggregates/scores/schema';
import type { SurveyStats } from '../src/aggregates/surveys/schema';
import { ADMIN, call, createSite, pageview, readStats, store } from './helpers';

const HOUR = 3_600_000;
const now = Date.now();
const window = `?from=${new Date(now - 3 * HOUR).toISOString()}&to=${new Date(now + HOUR).toISOString()}`;

let respondent = 0;
/** One answer of a respondent of its own, with what the SDK puts on a showing's events. */
const answer = (
  kind: 'nps' | 'csat' | 'ces',
  value: number,
  segment: { plan?: string; locale?: string; visits?: number; device?: 'mobile' | 'desktop' } = {},
) => {
  respondent += 1;
  return {
    ...pageview({
      session: `s${respondent}`,
      visitor: `v${respondent}`,
      ts: now - HOUR,
      device: segment.device ?? 'desktop',
    }),
    type: 'survey_answer',
    survey: kind,
    response: `r${respondent}`,
    question: 'score',
    kind,
    value,
    ...(segment.locale ? { locale: segment.locale } : {}),
    visits: segment.visits ?? 1,
    ...(segment.plan ? { traits: { plan: segment.plan } } : {}),
  } as PulseEvent;
};
/** `count` NPS answers of `value` by `segment`. */
const nps = (count: number, value: number, segment: Parameters<typeof answer>[2]) =>
  Array.from({ length: count }, () => answer('nps', value, segment));

/**
 * One showing of the `tour` survey to a visitor on `plan`: shown, then answered and finished, answered and closed,
 * or closed unanswered; every event carries the showing's segment, as the SDK sends it.
 */
const showing = (plan: string, outcome: 'completed' | 'answered then closed' | 'closed') => {
  respondent += 1;
  const event = (type: string, more: object = {}) =>
    ({
      ...pageview({ session: `s${respondent}`, visitor: `v${respondent}`, ts: now - HOUR }),
      type,
      survey: 'tour',
      response: `r${respondent}`,
      locale: 'en-GB',
      visits: 2,
      traits: { plan },
      ...more,
    }) as PulseEvent;
  const answered = event('survey_answer', { question: 'useful', kind: 'csat', value: 4 });
  if (outcome === 'completed') return [event('survey_shown'), answered, event('survey_completed')];
  if (outcome === 'answered then closed') return [event('survey_shown'), answered, event('survey_dismissed')];
  return [event('survey_shown'), event('survey_dismissed', { question: 'useful' })];
};

let keys: { readKey: string };
const read = async <T>(route: string, query = '') => readStats<T>('segments-site', keys.readKey, route, window + query);

describe('segments', () => {
  beforeAll(async () => {
    keys = await createSite('segments-site', [], { segments: ['plan', 'role'] });
    await store('segments-site', [
      // Pro: 6 promoters, 2 passives, 2 detractors: NPS 40 over 10. New visitors, in German (Germany and Austria).
      ...nps(6, 10, { plan: 'pro', locale: 'de-DE' }),
      ...nps(2, 8, { plan: 'pro', locale: 'de-at' }),
      ...nps(2, 3, { plan: 'pro', locale: 'de-DE', device: 'mobile' }),
      // Free: 1 promoter, 1 passive, 3 detractors: NPS −40 over 5. Returning visitors, in English.
      ...nps(1, 9, { plan: 'free', locale: 'en-US', visits: 3 }),
      ...nps(1, 7, { plan: 'free', locale: 'en-US', visits: 2 }),
      ...nps(3, 0, { plan: 'free', locale: 'en', visits: 5, device: 'mobile' }),
      // No plan (an anonymous visitor): in every NPS, in no plan's. A locale that only starts like de.
      answer('nps', 10, { locale: 'den' }),
      // CSAT and CES by plan.
      answer('csat', 5, { plan: 'pro' }),
      answer('csat', 2, { plan: 'free' }),
      answer('ces', 7, { plan: 'pro' }),
      answer('ces', 3, { plan: 'free' }),
    ]);
  });

  it('are declared through the admin API, at most 5 distinct keys, and listed in the public config', async () => {
    const config = (await (await call('/v1/sites/segments-site/config')).json()) as SiteConfig;
    expect(config.segments).toEqual(['plan', 'role']);
    for (const segments of [['a', 'b', 'c', 'd', 'e', 'f'], ['plan', 'plan'], ['has space']]) {
      const refused = await call('/v1/admin/sites/segments-site', {
        method: 'PATCH',
        headers: { ...ADMIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ segments }),
      });
      expect(refused.status, JSON.stringify(segments)).toBe(400);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/^segments/);
    }
  });

  it('break NPS down by a trait: each plan with its n, score and interval, and lowSample under 30', async () => {
    const { status, body } = await read<NpsStats>('nps', '&by=trait.plan');
    expect(status).toBe(200);
    expect(body.n).toBe(16);
    expect(body.breakdown!.by).toBe('trait.plan');
    expect(
      body.breakdown!.groups.map(({ value, n, promoters, passives, detractors, score, lowSample }) => ({
        value,
        n,
        promoters,
        passives,
        detractors,
        score,
        lowSample,
      })),
    ).toEqual([
      { value: 'free', n: 5, promoters: 1, passives: 1, detractors: 3, score: -40, lowSample: true },
      { value: 'pro', n: 10, promoters: 6, passives: 2, detractors: 2, score: 40, lowSample: true },
    ]);
    expect(body.breakdown!.groups[1]!.ci95).not.toBeNull();
  });

  it('filter by a trait, by new or returning visitors, and by locale prefix', async () => {
    const pro = (await read<NpsStats>('nps', '&trait.plan=pro')).body;
    expect([pro.n, pro.score]).toEqual([10, 40]);
    const returning = (await read<NpsStats>('nps', '&visitor=returning')).body;
    expect([returning.n, returning.score]).toEqual([5, -40]);
    expect((await read<NpsStats>('nps', '&visitor=new')).body.n).toBe(11);
    // de is de-DE and de-AT (its case normalised), never den.
    const german = (await read<NpsStats>('nps', '&locale=de')).body;
    expect([german.n, german.score]).toEqual([10, 40]);
    expect((await read<NpsStats>('nps', '&locale=de-AT')).body.n).toBe(2);
    expect(
      (await read<NpsStats>('nps', '&by=locale')).body.breakdown!.groups.map((group) => [group.value, group.n]),
    ).toEqual([
      ['de-AT', 2],
      ['de-DE', 8],
      ['den', 1],
      ['en', 3],
      ['en-US', 2],
    ]);
  });

  it('combine one segment with the device and path filters and breakdowns, and series', async () => {
    const mobile = (await read<NpsStats>('nps', '&trait.plan=pro&device=mobile')).body;
    expect([mobile.n, mobile.detractors]).toEqual([2, 2]);
    const byDevice = (await read<NpsStats>('nps', '&trait.plan=free&by=device&interval=day')).body;
    expect(byDevice.breakdown!.groups.map((group) => [group.value, group.n])).toEqual([
      ['desktop', 2],
      ['mobile', 3],
    ]);
    expect(byDevice.series!.reduce((sum, point) => sum + point.n, 0)).toBe(5);
  });

  it('break CSAT and CES down by plan too', async () => {
    const csat = (await read<CsatStats>('csat', '&by=trait.plan')).body;
    expect(csat.breakdown!.groups.map((group) => [group.value, group.n, group.satisfied])).toEqual([
      ['free', 1, 0],
      ['pro', 1, 1],
    ]);
    const ces = (await read<CesStats>('ces', '&trait.plan=pro')).body;
    expect([ces.n, ces.mean]).toEqual([1, 7]);
  });

  it('filter and break down the survey funnel by a trait, questions included', async () => {
    const erased = showing('pro', 'completed');
    await store('segments-site', [
      // Pro: shown 4, started 3, completed 2, dismissed 2. Free: shown 2, started 0, dismissed 2.
      ...erased,
      ...showing('pro', 'completed'),
      ...showing('pro', 'answered then closed'),
      ...showing('pro', 'closed'),
      ...showing('free', 'closed'),
      ...showing('free', 'closed'),
    ]);
    const funnel = (
      survey: SurveyStats['surveys'][number] | { shown: number; started: number; completed: number; dismissed: number },
    ) => [survey.shown, survey.started, survey.completed, survey.dismissed];
    const tour = (stats: SurveyStats) => stats.surveys.find((survey) => survey.survey === 'tour')!;
    const pro = tour((await read<SurveyStats>('surveys', '&trait.plan=pro')).body);
    expect(funnel(pro)).toEqual([4, 3, 2, 2]);
    expect(pro.responseRate.value).toBe(75);
    expect(pro.questions).toEqual([{ question: 'useful', answered: 3, reached: 4, left: 1 }]);
    const free = tour((await read<SurveyStats>('surveys', '&trait.plan=free')).body);
    expect(funnel(free)).toEqual([2, 0, 0, 2]);
    const all = tour((await read<SurveyStats>('surveys', '&by=trait.plan')).body);
    expect(funnel(all)).toEqual([6, 3, 2, 4]);
    expect(all.breakdown!.by).toBe('trait.plan');
    expect(all.breakdown!.groups.map((group) => [group.value, ...funnel(group), group.lowSample])).toEqual([
      ['free', 2, 0, 0, 2, true],
      ['pro', 4, 3, 2, 2, true],
    ]);
    const byDevice = tour((await read<SurveyStats>('surveys', '&visitor=returning&by=device')).body);
    expect(byDevice.breakdown!.groups.map((group) => [group.value, group.shown])).toEqual([['desktop', 6]]);
    expect((await read('surveys', '&trait.plan=pro&locale=en')).status).toBe(400);
    // An erased respondent leaves the segment's funnel, its started response and its answer with them.
    const { visitor } = erased[0]!;
    expect(
      (await call(`/v1/sites/segments-site/respondents/${visitor}`, { method: 'DELETE', headers: ADMIN })).status,
    ).toBe(200);
    const after = tour((await read<SurveyStats>('surveys', '&trait.plan=pro')).body);
    expect(funnel(after)).toEqual([3, 2, 1, 2]);
    expect(after.questions).toEqual([{ question: 'useful', answered: 2, reached: 3, left: 1 }]);
  });

  it('refuse two segments at once and a trait key the site did not declare, with a 400 that says why', async () => {
    for (const [query, message] of [
      ['&trait.plan=pro&visitor=new', /One segment at a time: visitor, trait\.plan/],
      ['&locale=de&by=trait.plan', /One segment at a time/],
      ['&trait.country=fr', /trait\.country: country is not a segment key of this site \(plan, role\)/],
      ['&by=trait.country', /country is not a segment key/],
      ['&visitor=old', /visitor/],
      ['&locale=d', /locale/],
    ] as const) {
      const { status, body } = await read<{ error: { code: string; message: string } }>('nps', query);
      expect(status, query).toBe(400);
      expect(body.error.message, query).toMatch(message);
    }
  });

  it('scrub PII from trait values like all free text', async () => {
    await store('segments-site', [{ ...answer('nps', 9, {}), traits: { role: 'ana@example.com' } } as PulseEvent]);
    const roles = (await read<NpsStats>('nps', '&by=trait.role')).body.breakdown!.groups.map((group) => group.value);
    expect(roles).toHaveLength(1);
    expect(roles[0]).not.toContain('ana@example.com');
  });

  it('forget an erased respondent', async () => {
    for (const visitor of ['v1', 'v2'])
      expect(
        (await call(`/v1/sites/segments-site/respondents/${visitor}`, { method: 'DELETE', headers: ADMIN })).status,
      ).toBe(200);
    const pro = (await read<NpsStats>('nps', '&trait.plan=pro')).body;
    expect([pro.n, pro.promoters]).toEqual([8, 4]);
    expect((await read<NpsStats>('nps', '&locale=de-DE')).body.n).toBe(6);
  });
});
