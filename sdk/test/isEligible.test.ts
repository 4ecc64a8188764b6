import { describe, expect, it } from 'vitest';
import { hash } from '../src/lib/hash';
import { matchUrl } from '../src/lib/matchUrl';
import type { SurveyDefinition } from '../src/protocol';
import type { PromptHistory } from '../src/surveys/history';
import { type Audience, isEligible, whyNot } from '../src/surveys/isEligible';

const DAY = 864e5;
const now = Date.UTC(2026, 10, 22);
const survey: SurveyDefinition = {
  id: 'nps',
  questions: [{ id: 'score', type: 'nps', text: 'How likely…?' }],
  triggers: [{ on: 'pageview' }],
};
const audience: Audience = {
  visitor: 'visitor-1',
  visits: 1,
  traits: { plan: 'pro' },
  locale: 'de-DE',
  device: 'mobile',
  path: '/pricing',
};
const fresh: PromptHistory = { surveys: {} };
const eligible = (
  changes: Partial<SurveyDefinition> = {},
  history: PromptHistory = fresh,
  who: Partial<Audience> = {},
  cooldown = 14,
) => isEligible({ ...survey, ...changes }, { ...audience, ...who }, history, cooldown, now);

describe('matchUrl', () => {
  it('matches exact, prefix, contains and glob rules', () => {
    expect(matchUrl('/pricing', { match: 'exact', value: '/pricing' })).toBe(true);
    expect(matchUrl('/pricing/team', { match: 'exact', value: '/pricing' })).toBe(false);
    expect(matchUrl('/docs/api', { match: 'prefix', value: '/docs' })).toBe(true);
    expect(matchUrl('/shop/cart/items', { match: 'contains', value: 'cart' })).toBe(true);
    expect(matchUrl('/shop/42/reviews', { match: 'glob', value: '/shop/*/reviews' })).toBe(true);
    expect(matchUrl('/shop/42/x/reviews', { match: 'glob', value: '/shop/*/reviews' })).toBe(false);
    expect(matchUrl('/shop/42/x/reviews', { match: 'glob', value: '/shop/**/reviews' })).toBe(true);
    expect(matchUrl('/a.b', { match: 'glob', value: '/a.b' })).toBe(true);
    expect(matchUrl('/axb', { match: 'glob', value: '/a.b' })).toBe(false);
  });
});

describe('isEligible', () => {
  it('limits a survey to its pages', () => {
    expect(eligible({ url: [{ match: 'prefix', value: '/pricing' }] })).toBe(true);
    expect(eligible({ url: [{ match: 'exact', value: '/' }] })).toBe(false);
  });

  it('targets traits, devices, locales and new or returning visitors', () => {
    expect(eligible({ targeting: { traits: { plan: 'pro' } } })).toBe(true);
    expect(eligible({ targeting: { traits: { plan: 'free' } } })).toBe(false);
    expect(eligible({ targeting: { devices: ['desktop'] } })).toBe(false);
    expect(eligible({ targeting: { locales: ['de'] } })).toBe(true);
    expect(eligible({ targeting: { locales: ['fr'] } })).toBe(false);
    expect(eligible({ targeting: { visitor: 'new' } })).toBe(true);
    expect(eligible({ targeting: { visitor: 'returning' } })).toBe(false);
    expect(eligible({ targeting: { visitor: 'returning' } }, fresh, { visits: 2 })).toBe(true);
  });

  it('shows an answered survey never again by default, and a shown one again until answered', () => {
    expect(eligible({}, { surveys: { nps: { shown: now - 30 * DAY } } })).toBe(true);
    expect(eligible({}, { surveys: { nps: { shown: now - 30 * DAY, answered: now - 30 * DAY } } })).toBe(false);
    expect(eligible({ throttle: { repeat: 'once' } }, { surveys: { nps: { shown: now - 300 * DAY } } })).toBe(false);
  });

  it('shows a survey again every N days', () => {
    const answered = { surveys: { nps: { shown: now - 89 * DAY, answered: now - 89 * DAY } } };
    expect(eligible({ throttle: { repeat: { days: 90 } } }, answered)).toBe(false);
    const later = { surveys: { nps: { shown: now - 91 * DAY, answered: now - 91 * DAY } } };
    expect(eligible({ throttle: { repeat: { days: 90 } } }, later)).toBe(true);
  });

  it('waits 30 days after a dismissal by default, or as configured', () => {
    expect(eligible({}, { surveys: { nps: { shown: now - 29 * DAY, dismissed: now - 29 * DAY } } })).toBe(false);
    expect(eligible({}, { surveys: { nps: { shown: now - 31 * DAY, dismissed: now - 31 * DAY } } })).toBe(true);
    const twoDaysAgo = { surveys: { nps: { shown: now - 2 * DAY, dismissed: now - 2 * DAY } } };
    expect(eligible({ throttle: { dismissCooldownDays: 1 } }, twoDaysAgo)).toBe(true);
  });

  it('keeps the global cool-down across surveys', () => {
    const other = { surveys: { csat: { shown: now - 3 * DAY } }, last: now - 3 * DAY };
    expect(eligible({}, other)).toBe(false);
    expect(eligible({}, other, {}, 2)).toBe(true);
  });

  it('samples per visitor: the same visitor always gets the same decision', () => {
    const decisions = Array.from({ length: 20 }, () => eligible({ sample: 0.5 }));
    expect(new Set(decisions).size).toBe(1);
    expect(eligible({ sample: 0.5 })).toBe(hash('visitor-1:nps') < 0.5);
  });

  it('samples about the configured share of visitors', () => {
    const visitors = Array.from({ length: 10_000 }, (_, i) => `visitor-${i}`);
    const shown = visitors.filter((visitor) => eligible({ sample: 0.2 }, fresh, { visitor })).length;
    expect(shown / visitors.length).toBeGreaterThan(0.18);
    expect(shown / visitors.length).toBeLessThan(0.22);
  });
});

describe('whyNot (the reasons of debug mode)', () => {
  const why = (
    changes: Partial<SurveyDefinition> = {},
    history: PromptHistory = fresh,
    who: Partial<Audience> = {},
    cooldown = 14,
  ) => whyNot({ ...survey, ...changes }, { ...audience, ...who }, history, cooldown, now);

  it('names the first rule that stops a survey, and nothing when it may show', () => {
    expect(why()).toBeUndefined();
    expect(why({ url: [{ match: 'prefix', value: '/docs' }] })).toEqual({ rule: 'url' });
    expect(why({ targeting: { traits: { plan: 'free' } } })).toEqual({ rule: 'trait', key: 'plan' });
    expect(why({ targeting: { devices: ['desktop'] } })).toEqual({ rule: 'device' });
    expect(why({ targeting: { locales: ['fr'] } })).toEqual({ rule: 'locale' });
    expect(why({ targeting: { visitor: 'returning' } })).toEqual({ rule: 'visitor' });
    expect(why({}, { surveys: { nps: { answered: now - DAY } } })).toEqual({ rule: 'answered' });
    expect(why({ throttle: { repeat: 'once' } }, { surveys: { nps: { shown: now - DAY } } })).toEqual({ rule: 'once' });
    expect(why({ sample: 0 })).toEqual({ rule: 'sample', sample: 0 });
  });

  it('gives the time each wait ends: its own repeat, the dismissal and the global cool-down', () => {
    expect(why({ throttle: { repeat: { days: 7 } } }, { surveys: { nps: { shown: now - DAY } } })).toEqual({
      rule: 'repeat',
      until: now + 6 * DAY,
    });
    expect(why({}, { surveys: { nps: { dismissed: now - 2 * DAY } } })).toEqual({
      rule: 'dismissed',
      until: now + 28 * DAY,
    });
    expect(why({}, { surveys: {}, last: now - 3 * DAY })).toEqual({ rule: 'cooldown', until: now + 11 * DAY });
    expect(why({}, { surveys: {}, last: now - 15 * DAY })).toBeUndefined();
  });

  it('agrees with isEligible', () => {
    for (const history of [fresh, { surveys: {}, last: now - DAY }, { surveys: { nps: { answered: now } } }])
      for (const changes of [{}, { sample: 0.5 }, { targeting: { devices: ['mobile' as const] } }])
        expect(eligible(changes, history)).toBe(!why(changes, history));
  });
});
