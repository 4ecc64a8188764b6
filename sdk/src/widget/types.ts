import type { PulseListeners } from '../client';
import type { SurveyAnswerEvent, SurveyDefinition, SurveyDismissedEvent, SurveyShownEvent } from '../protocol';
import type { Signal } from '../signals/types';

/** The steps of a survey that a visitor's history and the host's `on()` listeners follow. */
export type SurveyStep = 'shown' | 'answered' | 'dismissed';

/** The events of those steps. */
export type SurveyStepEvent = SurveyShownEvent | SurveyAnswerEvent | SurveyDismissedEvent;

/** An answer as the widget reports it: a score, a choice, several choices, or text. */
export type AnswerValue = number | string | string[];

/** What the client hands the widget chunk. */
export interface MountOptions {
  survey: SurveyDefinition;
  /** BCP 47 locale of the UI strings and question texts. */
  locale: string;
  /** CSP nonce for the fallback `<style>` where constructable stylesheets are missing. */
  nonce?: string;
  /** Render inline into this element instead of floating. */
  into?: Element;
  /** The visitor opened it: move focus in, and back out on close. Auto-shown prompts never take focus. */
  opened?: boolean;
  /** Show a persistent "Feedback" tab that opens the survey, instead of the survey itself; once per survey and page. */
  tab?: boolean;
  /** A new response id: each time the survey opens, since a tab can open it more than once. */
  newId(): string;
  /**
   * Records one step of the visitor's: the survey event to capture, and what `on(step)` listeners get. The
   * survey appeared (at once, or when the visitor opened it from the tab), a question was answered, or the
   * visitor closed the survey before the end.
   */
  record<S extends SurveyStep>(step: S, event: Signal<SurveyStepEvent>, detail: Parameters<PulseListeners[S]>[0]): void;
  /** The survey left the screen, answered or not (a tab stays). */
  onClose(): void;
}

/** The widget chunk's single entry point: renders a survey and returns the function that removes it. */
export type Mount = (options: MountOptions) => () => void;
