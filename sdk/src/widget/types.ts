import type { Question, SurveyDefinition } from '../protocol';

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
  /** The survey appeared (at once, or when the visitor opened it from the tab). */
  onShown(): void;
  /** A question was answered. */
  onAnswer(question: Question, value: AnswerValue): void;
  /** The visitor reached the end of the survey, its thanks. */
  onComplete(): void;
  /** The visitor closed the survey before the end. */
  onDismiss(question: Question | undefined): void;
  /** The survey left the screen, answered or not (a tab stays). */
  onClose(): void;
}

/** The widget chunk's single entry point: renders a survey and returns the function that removes it. */
export type Mount = (options: MountOptions) => () => void;
