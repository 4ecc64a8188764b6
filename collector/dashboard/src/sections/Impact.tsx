import { type ImpactStats, read } from '../api';
import { statsQuery } from '../filters';
import { count, decimal, interval, signed } from '../format';
import { SIGNAL_NAMES } from './Friction';
import { ScrollRegion } from './ScrollRegion';
import { Section } from './Section';
import { useStats } from './useStats';

/** The three comparisons of one group of respondents. */
type Comparisons = Pick<ImpactStats, 'nps' | 'csat' | 'ces'>;
type Kind = keyof Comparisons;

const KINDS: [Kind, string][] = [
  ['nps', 'NPS'],
  ['csat', 'CSAT'],
  ['ces', 'CES'],
];

/** A side's score in the unit of its kind: NPS signed, CSAT in percent, CES as a mean. */
const scoreOf = (comparison: Comparisons[Kind], side: 'friction' | 'none') => {
  const sample = comparison[side];
  if ('promoters' in sample) return signed(sample.score);
  if ('satisfied' in sample) return sample.score === null ? '—' : `${Math.round(sample.score)} %`;
  return decimal(sample.mean);
};

/** One comparison: both scores, the difference with its interval, or "not enough answers" said plainly. */
const Cell = ({ comparison, kind }: { comparison: Comparisons[Kind]; kind: Kind }) => {
  const { friction, none } = comparison;
  if (!friction.n) return <td>—</td>;
  const digits = kind === 'ces' ? 1 : 0;
  const difference =
    comparison.difference === null
      ? '—'
      : kind === 'ces'
        ? decimal(comparison.difference)
        : signed(comparison.difference);
  return (
    <td>
      {scoreOf(comparison, 'friction')} after friction, {scoreOf(comparison, 'none')} without{' '}
      <span class="count">
        difference {difference} [{interval(comparison.ci95, digits)}], n = {count(friction.n)} and {count(none.n)}
      </span>
      {comparison.lowSample && <span class="note"> Not enough answers yet (fewer than 30 a side).</span>}
    </td>
  );
};

/**
 * Scores linked to friction: respondents whose session met friction before their answer against those who met
 * none, overall, per signal and per worst element, each difference with its 95 % interval.
 */
export const ImpactSection = () => {
  const [loaded, retry] = useStats((view, signal) =>
    read(view.credentials, 'stats/impact', statsQuery(view.window, view.filters), signal),
  );
  return (
    <Section
      id="impact"
      title="Scores and friction"
      loaded={loaded}
      retry={retry}
      isEmpty={(stats) => !KINDS.some(([kind]) => stats[kind].friction.n)}
      empty={
        <p>
          <strong>No answer came after friction in this range.</strong> Once respondents answer a survey after a rage
          click, an error or another signal in the same visit, their scores show here beside everyone else's.
        </p>
      }
    >
      {(stats) => {
        const kinds = KINDS.filter(([kind]) => stats[kind].friction.n + stats[kind].none.n);
        const rows: [string, Comparisons][] = [
          ['Any friction', stats],
          ...stats.signals
            .filter((row) => kinds.some(([kind]) => row[kind].friction.n))
            .map((row): [string, Comparisons] => [SIGNAL_NAMES[row.signal], row]),
          ...stats.elements
            .filter((row) => kinds.some(([kind]) => row[kind].friction.n))
            .map((row): [string, Comparisons] => [`${row.label ?? row.target} on ${row.path}`, row]),
        ];
        return (
          <ScrollRegion label="Scores and friction">
            <table class="impact">
              <caption>
                Answers given after friction in the same visit, against answers whose visit met none. Differences are
                friction minus none, with their 95 % intervals.
              </caption>
              <thead>
                <tr>
                  <th scope="col">Respondents who met</th>
                  {kinds.map(([kind, name]) => (
                    <th scope="col" key={kind}>
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map(([name, comparisons]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    {kinds.map(([kind]) => (
                      <Cell key={kind} kind={kind} comparison={comparisons[kind]} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        );
      }}
    </Section>
  );
};
