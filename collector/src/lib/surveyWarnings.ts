import type { SurveyDefinition, Trigger } from '@pulse/sdk/protocol';

/** The SDK's published default of `thresholds.globalCooldownDays` (a test holds it equal to the SDK's). */
export const DEFAULT_GLOBAL_COOLDOWN_DAYS = 14;

/** Triggers that show a survey by themselves; `manual` waits for `pulse('show')`. */
const automatic = (survey: SurveyDefinition) =>
  survey.display?.mode !== 'tab' && survey.triggers.some((trigger: Trigger) => trigger.on !== 'manual');

/** Whether two surveys can be due on the same page: each shows everywhere, or they share a URL rule. */
const samePages = (a: SurveyDefinition, b: SurveyDefinition) =>
  !a.url?.length ||
  !b.url?.length ||
  a.url.some((rule) => b.url!.some((other) => other.match === rule.match && other.value === rule.value));

/**
 * Why a trigger can never fire for the visitors the survey targets, or nothing: exit intent is a mouse leaving a
 * desktop window, and a new visitor is on their first visit.
 */
const neverFires = (trigger: Trigger, { targeting }: SurveyDefinition): string | undefined => {
  if (trigger.on === 'exit_intent' && targeting?.devices && !targeting.devices.includes('desktop'))
    return `exit_intent fires only on desktop, and targeting.devices is ${targeting.devices.join(', ')}`;
  if (trigger.on === 'visit' && trigger.count > 1 && targeting?.visitor === 'new')
    return `visit ${trigger.count} never comes for a new visitor (targeting.visitor: new), who is on visit 1`;
};

/**
 * What a site owner should know about a survey they just saved, as sentences: the rules that will keep it from
 * showing although it is valid (the global cool-down and the one prompt per page view it shares with the site's other
 * surveys, a sample of 0, no trigger that fires by itself or none that can fire for the visitors it targets). `others`
 * are the site's other surveys.
 */
export const surveyWarnings = (
  survey: SurveyDefinition,
  others: SurveyDefinition[],
  globalCooldownDays: number,
): string[] => {
  const warnings: string[] = [];
  const rivals = others.filter((other) => other.id !== survey.id && automatic(other));
  if (!automatic(survey)) {
    if (survey.display?.mode !== 'tab')
      warnings.push(
        "triggers: only manual: it shows only when the page calls pulse('show', …), never by itself, and throttles do not apply then.",
      );
    return warnings;
  }
  const automaticTriggers = survey.triggers.filter((trigger) => trigger.on !== 'manual');
  const never = automaticTriggers.map((trigger) => neverFires(trigger, survey));
  if (never.every(Boolean)) warnings.push(`triggers: none can fire for the visitors it targets: ${never.join('; ')}.`);
  if (survey.sample === 0) warnings.push('sample: 0: no visitor is in its sample, so it never shows by itself.');
  if (rivals.length && globalCooldownDays > 0)
    warnings.push(
      `The site's global cool-down is ${globalCooldownDays} days (thresholds.globalCooldownDays): a visitor shown ` +
        `another survey (${rivals.map((other) => other.id).join(', ')}) will not see this one until then.`,
    );
  const sharing = rivals.filter((other) => samePages(survey, other));
  if (sharing.length)
    warnings.push(
      `At most one automatic prompt shows per page view: on pages where ${sharing.map((other) => other.id).join(', ')} ` +
        'is also due, only the first due survey shows.',
    );
  return warnings;
};
