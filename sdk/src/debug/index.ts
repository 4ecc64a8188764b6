import type { SurveyDefinition, Trigger } from '../protocol';
import type { Decision } from '../surveys/createSurveys';

/** A date as the console shows it: `2026-12-18 14:05`, in the visitor's time zone. */
const date = (time: number) => {
  const at = new Date(time - new Date(time).getTimezoneOffset() * 6e4).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
};

/** A trigger in words. */
const describe = (trigger: Trigger): string => {
  switch (trigger.on) {
    case 'delay':
      return `${trigger.seconds} s on the page`;
    case 'scroll':
      return `scrolling ${trigger.percent} % down`;
    case 'event':
      return `the event "${trigger.name}"`;
    case 'click':
      return `a click on ${trigger.selector}`;
    case 'visit':
      return `visit ${trigger.count}`;
    case 'friction':
      return trigger.signals ? `friction (${trigger.signals.join(', ')})` : 'any friction signal';
    case 'exit_intent':
      return 'exit intent';
    default:
      return trigger.on === 'manual' ? "pulse('show')" : 'the page view';
  }
};

/** Why a survey did or did not show, in words, with the date a wait ends. */
const reason = (decision: Decision, survey: SurveyDefinition): string => {
  switch (decision.rule) {
    case 'url':
      return 'not shown: no URL rule of the survey matches this page';
    case 'trait':
      return `not shown: targeting, the visitor's trait "${decision.key}" is not the one the survey asks for`;
    case 'device':
      return `not shown: targeting, the survey is for ${survey.targeting?.devices?.join(', ')} only`;
    case 'locale':
      return `not shown: targeting, the survey is for the locales ${survey.targeting?.locales?.join(', ')} only`;
    case 'visitor':
      return `not shown: targeting, the survey is for ${survey.targeting?.visitor} visitors only`;
    case 'answered':
      return 'not shown: its throttle, this visitor has answered it (repeat: until answered)';
    case 'once':
      return 'not shown: its throttle, this visitor has seen it once (repeat: once)';
    case 'repeat':
      return `not shown: its throttle (repeat every ${survey.throttle?.repeat && typeof survey.throttle.repeat === 'object' ? survey.throttle.repeat.days : '?'} days) until ${date(decision.until)}`;
    case 'dismissed':
      return `not shown: this visitor dismissed it; its dismissal cool-down runs until ${date(decision.until)}`;
    case 'cooldown':
      return `not shown: the site's global cool-down between any two prompts runs until ${date(decision.until)}`;
    case 'sample':
      return `not shown: sampling, this visitor is outside its ${Math.round(decision.sample * 100)} % sample`;
    case 'page':
      return 'not shown: another survey already used this page view\u2019s one automatic prompt';
    case 'moved':
      return 'not shown: the visitor was typing in a field until the page view changed, and a prompt is for its page view';
    case 'unshown':
      return 'not shown: another survey is on screen, consent for surveys is missing, or its element is not on the page';
    case 'tab':
      return 'its Feedback tab shows wherever its URL rules, targeting and sampling allow';
    case 'shown':
      return 'shown';
    default:
      return 'may show: it waits for one of its triggers';
  }
};

/**
 * The debug chunk's entry point: logs one survey decision in the console, with its reason, the trigger that fired
 * (if one did), the page, and whether the visitor has given consent for surveys.
 */
export const explain = (
  survey: SurveyDefinition,
  decision: Decision,
  trigger: Trigger | undefined,
  consent: boolean,
) => {
  const when = trigger
    ? `on ${describe(trigger)}`
    : `at the page view (triggers: ${survey.triggers.map(describe).join(', ')})`;
  console.info(
    `[Pulse debug] ${location.pathname} · "${survey.name ?? survey.id}" (${survey.id}) ${when}: ${reason(decision, survey)}` +
      (consent ? '' : ' · consent for surveys not given: no survey shows'),
  );
};
