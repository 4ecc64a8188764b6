import { uuid7 } from '../lib/uuid7';
import type { SurveyEventBase } from '../protocol';
import type { Signal } from '../signals/types';
import type { MountOptions } from '../widget/types';
import type { SurveyHistory } from './history';

/** One step of a showing: its wire event and, for a step of the visitor's history, that step and its detail. */
export type SurveyStep = (event: Signal, what?: keyof SurveyHistory, detail?: object) => void;

/** What every event of a showing carries besides its survey and response: see `SurveyEventBase`. */
export type ShowingFields = Pick<SurveyEventBase, 'target' | 'locale' | 'visits' | 'traits'>;

/**
 * The widget's callbacks for a survey, which build its wire events: `survey_shown`, `survey_answer`,
 * `survey_completed` and `survey_dismissed`, each with the response id of its showing, new each time the survey opens
 * (a tab can open it more than once), and `fields`: the `target` of the friction signal that raised it, if one did,
 * and the visitor's segment (locale, visits, the site's segment traits). The host's listeners get the survey, the
 * response and the target, not the segment.
 */
export const surveyEvents = (
  survey: string,
  step: SurveyStep,
  fields: ShowingFields,
): Pick<MountOptions, 'onShown' | 'onAnswer' | 'onComplete' | 'onDismiss'> => {
  let tag: { survey: string; response: string; target?: string };
  let wire: typeof tag & ShowingFields;
  return {
    onShown() {
      tag = { survey, response: uuid7(), target: fields.target };
      wire = { ...fields, ...tag };
      step({ type: 'survey_shown', ...wire }, 'shown', tag);
    },
    onAnswer({ id: question, type: kind }, value) {
      step({ type: 'survey_answer', ...wire, question, kind, value }, 'answered', { ...tag, question, value });
    },
    onComplete() {
      step({ type: 'survey_completed', ...wire });
    },
    onDismiss(question) {
      step({ type: 'survey_dismissed', ...wire, question: question?.id }, 'dismissed', tag);
    },
  };
};
