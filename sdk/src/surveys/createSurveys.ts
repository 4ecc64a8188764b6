import type { SurveyDefinition, Trigger } from '../protocol';
import { readHistory } from './history';
import { type Audience, isEligible } from './isEligible';

/** What the survey engine needs from the client. */
export interface SurveyHost {
  /** Who is looking, and where, right now. */
  audience(): Audience;
  /** Days between any two prompts. */
  globalCooldownDays(): number;
  /** Renders a survey; resolves once it is on screen, or false when it could not show. */
  present(survey: SurveyDefinition, options: { into?: string; opened: boolean }): Promise<boolean>;
}

/** Decides which survey shows when. */
export interface Surveys {
  /** Replaces the survey definitions (from the site config). */
  update(surveys: SurveyDefinition[]): void;
  /** A page view or route change happened: a new page allows a new prompt. */
  pageview(): void;
  /** Shows a survey the site asked for by id, whatever its triggers and throttles. */
  show(id: string, into?: string): Promise<boolean>;
}

/** Creates the survey engine: at most one automatic prompt per page view, to an eligible visitor, when a trigger fires. */
export const createSurveys = (host: SurveyHost): Surveys => {
  let definitions: SurveyDefinition[] = [];
  let promptedThisPage = false;
  let busy = false;

  const present = async (survey: SurveyDefinition, into: string | undefined, opened: boolean) => {
    if (busy) return false;
    busy = true;
    try {
      return await host.present(survey, { into, opened });
    } catch {
      return false;
    } finally {
      busy = false;
    }
  };

  const fire = async (matches: (trigger: Trigger) => boolean) => {
    if (promptedThisPage) return;
    const audience = host.audience();
    const history = readHistory();
    const survey = definitions.find(
      (candidate) =>
        candidate.triggers.some(matches) &&
        isEligible(candidate, audience, history, host.globalCooldownDays(), Date.now()),
    );
    if (survey && (await present(survey, survey.display?.into, false))) promptedThisPage = true;
  };

  return {
    update(surveys) {
      definitions = surveys;
      void fire((trigger) => trigger.on === 'pageview');
    },
    pageview() {
      promptedThisPage = false;
      void fire((trigger) => trigger.on === 'pageview');
    },
    show(id, into) {
      const survey = definitions.find((candidate) => candidate.id === id);
      return survey ? present(survey, into, true) : Promise.resolve(false);
    },
  };
};
