import { storage } from '../lib/storage';

/** What a visitor has done with one survey: times in ms. */
export interface SurveyHistory {
  shown?: number;
  answered?: number;
  dismissed?: number;
}

/** Every survey's history for this visitor, and the time of the last prompt of any survey. */
export interface PromptHistory {
  surveys: Record<string, SurveyHistory>;
  last?: number;
}

/** Reads the visitor's prompt history. */
export const readHistory = (): PromptHistory => storage<PromptHistory>('sv') ?? { surveys: {} };

/** Records that a survey was shown, answered or dismissed at `now`. */
export const recordHistory = (survey: string, what: keyof SurveyHistory, now: number = Date.now()): void => {
  const history = readHistory();
  (history.surveys[survey] ??= {})[what] = now;
  if (what === 'shown') history.last = now;
  storage('sv', history);
};
