import { hash } from '../lib/hash';
import { matchUrl } from '../lib/matchUrl';
import type { DeviceClass, SurveyDefinition } from '../protocol';
import type { PromptHistory } from './history';

/** Who is looking, and where. */
export interface Audience {
  visitor: string;
  /** Sessions so far, this one included. */
  visits: number;
  traits: Record<string, unknown>;
  locale: string;
  device: DeviceClass;
  path: string;
}

const DAY = 864e5;

/**
 * Tells whether a survey may show itself to this visitor now: page scope, targeting,
 * throttling (its own rule, the dismissal cool-down and the global cool-down) and sticky sampling.
 */
export const isEligible = (
  survey: SurveyDefinition,
  audience: Audience,
  history: PromptHistory,
  globalCooldownDays: number,
  now: number,
): boolean => {
  const { url, targeting: target = {}, throttle = {}, sample = 1 } = survey;
  const seen = history.surveys[survey.id] ?? {};
  const repeat = throttle.repeat ?? 'until_answered';
  const since = (time = -Infinity, days = 0) => now - time < days * DAY;
  return (
    (!url || url.some((rule) => matchUrl(audience.path, rule))) &&
    Object.entries(target.traits ?? {}).every(([key, value]) => audience.traits[key] === value) &&
    (!target.devices || target.devices.includes(audience.device)) &&
    (!target.locales || target.locales.some((locale) => audience.locale.startsWith(locale))) &&
    (!target.visitor || (target.visitor === 'new') === audience.visits < 2) &&
    (typeof repeat === 'object'
      ? !since(seen.shown, repeat.days)
      : !seen.answered && !(repeat === 'once' && seen.shown)) &&
    !since(seen.dismissed, throttle.dismissCooldownDays ?? 30) &&
    !since(history.last, globalCooldownDays) &&
    hash(`${audience.visitor}:${survey.id}`) < sample
  );
};
