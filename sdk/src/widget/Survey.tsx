import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question, ScoreRange, TextQuestion } from '../protocol';
import { Scale, type ScaleSpec } from './Scale';
import type { Strings } from './strings/en';
import { isRtl, localize } from './strings/index';
import { TextAnswer } from './TextAnswer';
import type { AnswerValue, MountOptions } from './types';

/** Props of `Survey`. */
export interface SurveyProps extends MountOptions {
  strings: Strings;
  /** Removes the widget. */
  close(): void;
}

const inRange = (value: number, { min = -Infinity, max = Infinity }: ScoreRange) => value >= min && value <= max;

/** The scale of a score question, or undefined for other types. */
const scaleOf = (question: Question, strings: Strings): ScaleSpec | undefined => {
  switch (question.type) {
    case 'nps':
      return { min: 0, max: 10, low: strings.npsLow, high: strings.npsHigh };
    case 'csat':
      return { min: 1, max: 5, low: strings.csatLow, high: strings.csatHigh };
    case 'ces':
      return { min: 1, max: 7, low: strings.cesLow, high: strings.cesHigh };
    case 'rating':
      return { min: 1, max: question.scale, low: strings.ratingLow, high: strings.ratingHigh };
    default:
      return undefined;
  }
};

/**
 * A survey's steps: each question in turn, the follow-up chosen by a score, branches, then thanks.
 * A labelled, non-modal dialog; Escape or the close button dismisses it before the end.
 */
export const Survey = ({ survey, locale, strings, opened, onAnswer, onDismiss, close }: SurveyProps) => {
  const [index, setIndex] = useState(0);
  const [followUp, setFollowUp] = useState<{ question: TextQuestion; after: Question; score: number }>();
  const [done, setDone] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const interacted = useRef(opened);
  const question = survey.questions[index];
  const current = followUp?.question ?? question;
  const title = done ? localize(survey.thanks, locale) || strings.thanks : localize(current?.text, locale);

  useEffect(() => {
    // A live region only speaks about changes after it is in the page, hence the tick.
    const timer = setTimeout(
      () => setAnnouncement(index || followUp || done ? title : `${strings.survey}: ${title}`),
      50,
    );
    if (interacted.current) heading.current?.focus();
    return () => clearTimeout(timer);
  }, [index, followUp, done]);

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(close, 4000);
    return () => clearTimeout(timer);
  }, [done]);

  const advance = (from: Question, value: AnswerValue | undefined) => {
    setFollowUp(undefined);
    const rule = typeof value === 'number' ? from.branch?.find((candidate) => inRange(value, candidate)) : undefined;
    const next = rule
      ? survey.questions.findIndex((candidate) => candidate.id === rule.goto)
      : survey.questions.indexOf(from) + 1;
    if (next > 0 && next < survey.questions.length) setIndex(next);
    else setDone(true);
  };

  const answer = (value: AnswerValue) => {
    interacted.current = true;
    if (followUp) {
      if (value !== '') onAnswer(followUp.question, value);
      advance(followUp.after, followUp.score);
      return;
    }
    if (!question) return;
    if (value !== '') onAnswer(question, value);
    const prompt =
      typeof value === 'number' && 'followUp' in question
        ? question.followUp?.find((candidate) => inRange(value, candidate))
        : undefined;
    if (prompt && typeof value === 'number') {
      setFollowUp({
        question: { id: `${question.id}.followup`, type: 'text', text: prompt.text || strings.followUp },
        after: question,
        score: value,
      });
    } else advance(question, value);
  };

  const dismiss = () => {
    if (!done) onDismiss(current);
    close();
  };

  const scale = current && scaleOf(current, strings);
  const labelId = 'pulse-q';
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={labelId}
      dir={isRtl(locale) ? 'rtl' : 'ltr'}
      lang={locale}
      onKeyDown={(event) => event.key === 'Escape' && dismiss()}
    >
      <div class="top">
        <h2 class="q" id={labelId} tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" class="x" aria-label={strings.close} onClick={dismiss}>
          ×
        </button>
      </div>
      {!done && current && scale && (
        <Scale key={current.id} name={current.id} labelId={labelId} strings={strings} onAnswer={answer} {...scale} />
      )}
      {!done && current?.type === 'text' && (
        <TextAnswer
          key={current.id}
          labelId={labelId}
          placeholder={localize(current.placeholder, locale)}
          strings={strings}
          onAnswer={answer}
        />
      )}
      <p class="sr" role="status">
        {announcement}
      </p>
    </div>
  );
};
