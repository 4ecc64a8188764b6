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
 * Why a survey may not show itself now, for debug mode: the first rule that stops it, with the time it stops it
 * until (ms) where it ends, and the trait or sample it is about.
 */
export type Blocked =
  | { rule: 'url' | 'device' | 'locale' | 'visitor' | 'answered' | 'once' }
  | { rule: 'trait'; key: string }
  | { rule: 'repeat' | 'dismissed' | 'cooldown'; until: number }
  | { rule: 'sample'; sample: number };

/**
 * The first rule that keeps a survey from showing itself to this visitor now, or nothing when it may: page scope,
 * targeting, throttling (its own rule, the dismissal cool-down and the global cool-down) and sticky sampling.
 */
export const whyNot = (
  survey: SurveyDefinition,
  audience: Audience,
  history: PromptHistory,
  globalCooldownDays: number,
  now: number,
): Blocked | undefined => {
  const { url, targeting = {}, throttle = {}, sample = 1 } = survey;
  const seen = history.surveys[survey.id] ?? {};
  const repeat = throttle.repeat ?? 'until_answered';
  /** The end of a wait of `days` from `time`, while it runs. */
  const until = (time = -Infinity, days = 0) => (now - time < days * DAY ? time + days * DAY : 0);
  const trait = Object.entries(targeting.traits ?? {}).find(([key, value]) => audience.traits[key] !== value);
  const ends = {
    repeat: typeof repeat === 'object' ? until(seen.shown, repeat.days) : 0,
    dismissed: until(seen.dismissed, throttle.dismissCooldownDays ?? 30),
    cooldown: until(history.last, globalCooldownDays),
  };
  if (url && !url.some((rule) => matchUrl(audience.path, rule))) return { rule: 'url' };
  if (trait) return { rule: 'trait', key: trait[0] };
  if (targeting.devices && !targeting.devices.includes(audience.device)) return { rule: 'device' };
  if (targeting.locales && !targeting.locales.some((locale) => audience.locale.startsWith(locale)))
    return { rule: 'locale' };
  if (targeting.visitor && (targeting.visitor === 'new') !== audience.visits < 2) return { rule: 'visitor' };
  if (ends.repeat) return { rule: 'repeat', until: ends.repeat };
  if (typeof repeat !== 'object' && seen.answered) return { rule: 'answered' };
  if (repeat === 'once' && seen.shown) return { rule: 'once' };
  if (ends.dismissed) return { rule: 'dismissed', until: ends.dismissed };
  if (ends.cooldown) return { rule: 'cooldown', until: ends.cooldown };
  if (hash(`${audience.visitor}:${survey.id}`) >= sample) return { rule: 'sample', sample };
};

/** Tells whether a survey may show itself to this visitor now (`whyNot` finds no rule that stops it). */
export const isEligible = (...args: Parameters<typeof whyNot>): boolean => !whyNot(...args);
