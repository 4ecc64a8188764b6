import type { ComponentChildren } from 'preact';
import { type Routes, read } from '../api';
import { StackedBar } from '../charts/StackedBar';
import { TrendChart, type TrendPoint } from '../charts/TrendChart';
import type { View } from '../context';
import { statsQuery } from '../filters';
import { count, decimal, interval, signed } from '../format';
import { Section } from './Section';
import { useStats } from './useStats';

/** What to do when a score has no answers in the range. */
const NoAnswers = ({ kind }: { kind: string }) => (
  <>
    <p>
      <strong>No {kind} answers in this range.</strong>
    </p>
    <p>
      Define a survey with a question of type <code>{kind.toLowerCase()}</code> through the admin API (
      <code>PUT /v1/admin/sites/:site/surveys/:id</code>, described in the README's Surveys section and in{' '}
      <a href="/v1/openapi.json">the API document</a>), or widen the date range. Answers show here within a minute of
      being given.
    </p>
  </>
);

type ScoreRoute = 'stats/nps' | 'stats/csat' | 'stats/ces';

/** A score's section: its stats loaded for the view, with the window they cover, and empty while nobody answered. */
const ScoreSection = <R extends ScoreRoute>({
  route,
  id,
  title,
  kind,
  children,
}: {
  route: R;
  id: string;
  title: string;
  kind: string;
  children: (value: Routes[R], window: View['window']) => ComponentChildren;
}) => {
  const [loaded, retry] = useStats((view, signal) =>
    read(view.credentials, route, statsQuery(view.window, view.filters), signal).then((value) => ({
      value,
      window: view.window,
    })),
  );
  return (
    <Section
      id={id}
      title={title}
      loaded={loaded}
      retry={retry}
      isEmpty={({ value }) => value.n === 0}
      empty={<NoAnswers kind={kind} />}
    >
      {({ value, window }) => children(value, window)}
    </Section>
  );
};

/** A score's series as the trend's points, each with the value `pick` reads from it. */
const trendOf = <P extends Omit<TrendPoint, 'value' | 'ci'> & { ci95: TrendPoint['ci'] }>(
  series: P[] | undefined,
  pick: (point: P) => number | null,
): TrendPoint[] =>
  (series ?? []).map((point) => ({ from: point.from, to: point.to, n: point.n, value: pick(point), ci: point.ci95 }));

/** The headline figures of a score: the value, n and the 95 % interval. */
const Headline = ({ value, unit, n, ci }: { value: string; unit?: string; n: number; ci: string }) => (
  <dl class="headline">
    <div>
      <dt>Score</dt>
      <dd class="big">
        {value}
        {unit && <span class="unit">{unit}</span>}
      </dd>
    </div>
    <div>
      <dt>Answers (n)</dt>
      <dd>{count(n)}</dd>
    </div>
    <div>
      <dt>95 % interval</dt>
      <dd>{ci}</dd>
    </div>
  </dl>
);

/** NPS: score, n, interval, promoters / passives / detractors, and the trend with its interval band. */
export const NpsSection = () => (
  <ScoreSection route="stats/nps" id="nps" title="Net Promoter Score" kind="NPS">
    {(value, window) => (
      <>
        <Headline value={signed(value.score)} n={value.n} ci={interval(value.ci95)} />
        <StackedBar
          label="Answers by group"
          segments={[
            { label: 'Promoters (9–10)', value: value.promoters, tone: 'promoter' },
            { label: 'Passives (7–8)', value: value.passives, tone: 'passive' },
            { label: 'Detractors (0–6)', value: value.detractors, tone: 'detractor' },
          ]}
        />
        <TrendChart
          title="NPS trend"
          window={window}
          domain={[-100, 100]}
          ticks={[-100, 0, 100]}
          format={signed}
          points={trendOf(value.series, (point) => point.score)}
        />
      </>
    )}
  </ScoreSection>
);

const percentOf = (value: number | null) => (value === null ? '—' : `${Math.round(value)} %`);

/** CSAT: the share satisfied (4–5), n, interval, answers per score and the trend. */
export const CsatSection = () => (
  <ScoreSection route="stats/csat" id="csat" title="Customer satisfaction (CSAT)" kind="CSAT">
    {(value, window) => (
      <>
        <Headline value={percentOf(value.score)} n={value.n} ci={value.ci95 ? `${interval(value.ci95)} %` : '—'} />
        <p class="note">Satisfied means a 4 or a 5 out of 5.</p>
        <StackedBar
          label="Answers by score"
          segments={[1, 2, 3, 4, 5].map((score) => ({
            label: String(score),
            value: value.distribution[String(score)] ?? 0,
            tone: `scale-${score}`,
          }))}
        />
        <TrendChart
          title="CSAT trend"
          window={window}
          domain={[0, 100]}
          ticks={[0, 50, 100]}
          format={percentOf}
          points={trendOf(value.series, (point) => point.score)}
        />
      </>
    )}
  </ScoreSection>
);

/** CES: the mean effort score (1–7, 7 the easiest), n, interval, the share who agree (5–7), and the trend. */
export const CesSection = () => (
  <ScoreSection route="stats/ces" id="ces" title="Customer effort (CES)" kind="CES">
    {(value, window) => (
      <>
        <Headline value={decimal(value.mean)} unit=" / 7" n={value.n} ci={interval(value.ci95, 1)} />
        <p class="note">
          {percentOf(value.agree.share)} agree that it was easy (5–7), 95 % interval {interval(value.agree.ci95)} %.
        </p>
        <TrendChart
          title="CES trend"
          window={window}
          domain={[1, 7]}
          ticks={[1, 4, 7]}
          format={decimal}
          points={trendOf(value.series, (point) => point.mean)}
        />
      </>
    )}
  </ScoreSection>
);
