import type { SurveyDefinition } from '@pulse/sdk/protocol';
import { groupBy } from '../../lib/groupBy';
import { LOW_SAMPLE } from '../lowSample';
import { wilson } from '../scores/wilson';
import { bucketWindow, type StatsWindow, stated } from '../window';
import type { GroupCounts, QuestionCounts, SurveyCounts } from './queries';

/** A share in percent with its Wilson 95 % interval; both null when there is nothing to divide by. */
export interface Rate {
  value: number | null;
  ci95: [number, number] | null;
}

/**
 * `k` of `n` as a rate. A window's edge can hold a response started in its first hour whose showing came in the hour
 * before, so `k` is capped at `n`.
 */
export const rateOf = (k: number, n: number): Rate => {
  const hits = Math.min(k, n);
  const interval = wilson(hits, n);
  return { value: n ? (100 * hits) / n : null, ci95: interval && [100 * interval[0], 100 * interval[1]] };
};

/** A survey's funnel: its counts, the response rate (started of shown) and the completion rate (completed of started). */
export const funnelOf = (counts: SurveyCounts) => ({
  shown: counts.shown,
  started: counts.started,
  completed: counts.completed,
  dismissed: counts.dismissed,
  responseRate: rateOf(counts.started, counts.shown),
  completionRate: rateOf(counts.completed, counts.started),
  lowSample: counts.shown < LOW_SAMPLE,
});

/**
 * The surveys stats: each survey's funnel, its questions in the order its definition asks them (then any others, an
 * older definition's), each with how many reached it (answered it or closed the survey on it) and how many left
 * there; with an interval, the funnel per interval; and with a breakdown, the funnel per group.
 */
export const surveyStats = (
  window: StatsWindow,
  definitions: SurveyDefinition[],
  totals: (SurveyCounts & { survey: string })[],
  questions: QuestionCounts[],
  series: (SurveyCounts & { survey: string; bucket: number })[] | undefined,
  breakdown?: { by: string; groups: GroupCounts[] },
) => {
  const interval = window.interval;
  const perSurvey = groupBy(questions, (row) => row.survey);
  const perInterval = series && groupBy(series, (row) => row.survey);
  const perGroup = breakdown && groupBy(breakdown.groups, (row) => row.survey);
  return {
    ...stated(window),
    surveys: totals.map((total) => {
      const definition = definitions.find((survey) => survey.id === total.survey);
      const order = (definition?.questions ?? []).flatMap((question) => [question.id, `${question.id}.followup`]);
      const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
      return {
        survey: total.survey,
        name: definition?.name ?? null,
        ...funnelOf(total),
        questions: (perSurvey.get(total.survey) ?? [])
          .sort((a, b) => rank(a.question) - rank(b.question) || a.question.localeCompare(b.question))
          .map(({ question, answered, dismissed }) => ({
            question,
            answered,
            reached: answered + dismissed,
            left: dismissed,
          })),
        series:
          perInterval && interval
            ? (perInterval.get(total.survey) ?? []).map(({ bucket, ...counts }) => ({
                ...bucketWindow(bucket, { ...window, interval }),
                ...funnelOf(counts),
              }))
            : undefined,
        breakdown:
          breakdown && perGroup
            ? {
                by: breakdown.by,
                groups: (perGroup.get(total.survey) ?? []).map(({ survey: _, value, ...counts }) => ({
                  value,
                  ...funnelOf(counts),
                })),
              }
            : undefined,
      };
    }),
  };
};
