import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Question, ScoreRange, TextQuestion } from '../protocol';
import { Face, Star } from './Icon';
import { type Option, Options } from './Options';
import type { Strings } from './strings/en';
import { localize } from './strings/index';
import { TextAnswer } from './TextAnswer';
import type { AnswerValue, MountOptions } from './types';

/** Props of `Survey`. */
export interface SurveyProps extends MountOptions {
  strings: Strings;
  /** Removes the survey from the screen. */
  close(): void;
}

/** Bounds are inclusive and optional; the schema allows bounds on score questions only, so other answers match. */
const inRange = (value: unknown, { min, max }: ScoreRange) => !((value as number) < min! || (value as number) > max!);

/** A score question's choices (numbers, faces or stars, the two ends named) and the names of its ends. */
const scaleOf = (question: Question, strings: Strings): [Option[], [string, string], string] | undefined => {
  const spec: [number, number, string, string] | undefined =
    question.type === 'nps'
      ? [0, 10, strings.npsLow, strings.npsHigh]
      : question.type === 'csat'
        ? [1, 5, strings.csatLow, strings.csatHigh]
        : question.type === 'ces'
          ? [1, 7, strings.cesLow, strings.cesHigh]
          : question.type === 'rating'
            ? [1, question.scale, strings.ratingLow, strings.ratingHigh]
            : undefined;
  if (!spec) return;
  const [min, max, low, high] = spec;
  const style = question.type === 'csat' ? (question.style ?? 'faces') : '';
  const items = Array.from({ length: max - min + 1 }, (_, i): Option => {
    const n = min + i;
    return {
      value: n,
      name: n === min ? `${n}, ${low}` : n === max ? `${n}, ${high}` : `${n}`,
      content: style === 'faces' ? <Face score={n} /> : style ? <Star /> : n,
    };
  });
  return [items, [low, high], `scale ${style}`];
};

/**
 * A survey's steps: each question in turn, the follow-up chosen by a score, branches, then thanks.
 * A labelled, non-modal dialog; Escape or the close button dismisses it before the end.
 */
export const Survey = ({ survey, locale, strings, opened, onAnswer, onComplete, onDismiss, close }: SurveyProps) => {
  const [index, setIndex] = useState(0);
  const [followUp, setFollowUp] = useState<{ question: TextQuestion; after: Question; value: AnswerValue }>();
  const [done, setDone] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // An auto-shown prompt never takes focus; once the visitor opened it or answered in it, each step does.
  const interacted = useRef(opened);
  const question = survey.questions[index];
  const current = followUp?.question ?? question;
  const title = done ? localize(survey.thanks, locale) || strings.thanks : localize(current?.text, locale);

  // Before paint: focus must never drop to the page between two steps.
  useLayoutEffect(() => {
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
    onComplete();
    const timer = setTimeout(close, 4000);
    return () => clearTimeout(timer);
  }, [done]);

  const advance = (from: Question, value: AnswerValue) => {
    setFollowUp(undefined);
    const rule = from.branch?.find((candidate) => inRange(value, candidate));
    const next = rule
      ? survey.questions.findIndex((candidate) => candidate.id === rule.goto)
      : survey.questions.indexOf(from) + 1;
    if (next > 0 && next < survey.questions.length) setIndex(next);
    else setDone(true);
  };

  const answer = (value: AnswerValue) => {
    interacted.current = true;
    // An empty text is a skipped question: nothing is recorded.
    if (value !== '') onAnswer(current!, value);
    if (followUp) return advance(followUp.after, followUp.value);
    const prompt = 'followUp' in question! ? question.followUp?.find((candidate) => inRange(value, candidate)) : 0;
    if (prompt)
      setFollowUp({
        question: { id: `${question!.id}.followup`, type: 'text', text: prompt.text || strings.followUp },
        after: question!,
        value,
      });
    else advance(question!, value);
  };

  const dismiss = () => {
    if (!done) onDismiss(current);
    close();
  };

  const labelId = 'pulse-q';
  const scale = current && scaleOf(current, strings);
  return (
    <div
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={labelId}
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
      {done || !current ? null : current.type === 'text' ? (
        <TextAnswer
          key={current.id}
          labelId={labelId}
          placeholder={localize(current.placeholder, locale)}
          strings={strings}
          onAnswer={answer}
        />
      ) : (
        <Options
          key={current.id}
          labelId={labelId}
          strings={strings}
          onAnswer={answer}
          {...(scale
            ? { items: scale[0], ends: scale[1], look: scale[2] }
            : {
                look: 'list',
                multi: current.type === 'multi',
                items: (current.type === 'single' || current.type === 'multi' ? current.options : []).map((option) => {
                  const name = localize(option, locale);
                  return { value: localize(option, 'en'), name, content: name };
                }),
              })}
        />
      )}
      <p class="sr" role="status">
        {announcement}
      </p>
    </div>
  );
};
