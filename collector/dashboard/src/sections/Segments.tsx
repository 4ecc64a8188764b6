import { useState } from 'preact/hooks';
import { read, siteConfig } from '../api';
import { useView } from '../context';
import { statsQuery } from '../filters';
import { count, decimal, interval, signed } from '../format';
import { useLoad } from '../hooks';
import { ScrollRegion } from './ScrollRegion';
import { Section } from './Section';

/** The breakdowns every site has; its segment traits (`trait.<key>`) follow. */
const BUILT_IN = [
  ['device', 'Device class'],
  ['path', 'Page'],
  ['visitor', 'New or returning visitor'],
  ['locale', 'Locale'],
] as const;

/** One group's figure for one score: the score, its interval and n, or a dash without answers. */
interface Cell {
  score: string;
  ci: string;
  n: number;
  lowSample: boolean;
}

/** A score's groups by value, as cells. */
const cellsOf = <G extends { value: string; n: number; lowSample: boolean; ci95: [number, number] | null }>(
  groups: G[] | undefined,
  score: (group: G) => string,
  unit = '',
) =>
  new Map(
    (groups ?? []).map((group): [string, Cell] => [
      group.value,
      {
        score: `${score(group)}${unit}`,
        ci: group.ci95 ? `${interval(group.ci95)}${unit}` : '—',
        n: group.n,
        lowSample: group.lowSample,
      },
    ]),
  );

/** One cell of the table: the score and interval, n, and "few answers" under 30. */
const ScoreCell = ({ cell }: { cell: Cell | undefined }) =>
  cell ? (
    <td>
      <strong>{cell.score}</strong> <span class="count">({cell.ci})</span>
      <span class="count">
        n = {count(cell.n)}
        {cell.lowSample && ', not enough answers yet'}
      </span>
    </td>
  ) : (
    <td>—</td>
  );

/**
 * NPS, CSAT and CES side by side per group of one breakdown: device class, page, new or returning visitor, locale,
 * or one of the site's segment traits, each score with its interval and n, and "not enough answers" under 30.
 */
export const SegmentsSection = () => {
  const view = useView();
  const [by, setBy] = useState('device');
  const [attempt, setAttempt] = useState(0);
  const config = useLoad(view.credentials.site, (signal) => siteConfig(view.credentials.site, signal));
  const traits = config.state === 'done' ? (config.value?.segments ?? []) : [];
  const loaded = useLoad(`${view.key}|${by}|${attempt}`, async (signal) => {
    const query = { ...statsQuery(view.window, view.filters), interval: undefined, by };
    const [nps, csat, ces] = await Promise.all([
      read(view.credentials, 'stats/nps', query, signal),
      read(view.credentials, 'stats/csat', query, signal),
      read(view.credentials, 'stats/ces', query, signal),
    ]);
    const cells = {
      nps: cellsOf(nps.breakdown?.groups, (group) => signed(group.score)),
      csat: cellsOf(csat.breakdown?.groups, (group) => decimal(group.score), ' %'),
      ces: cellsOf(ces.breakdown?.groups, (group) => decimal(group.mean)),
    };
    const values = [...new Set([...cells.nps.keys(), ...cells.csat.keys(), ...cells.ces.keys()])].sort();
    return { values, cells };
  });
  const options = [...BUILT_IN, ...traits.map((key) => [`trait.${key}`, `Trait: ${key}`] as const)];
  return (
    <Section
      id="segments"
      title="Scores by segment"
      loaded={loaded}
      retry={() => setAttempt((previous) => previous + 1)}
      isEmpty={({ values }) => values.length === 0}
      empty={
        <p>
          <strong>No answers to group in this range.</strong> Locale and new or returning visitors come with every
          answer; declare up to 5 trait keys (<code>PATCH /v1/admin/sites/:site</code> with <code>segments</code>) to
          group by the traits your pages pass to <code>identify</code>.
        </p>
      }
      toolbar={
        <div class="search">
          {/* Not wrapped in its label: a wrapping label's name would take in the chosen option's text. */}
          <label for="segments-by">Group by</label>
          <select id="segments-by" value={by} onChange={(event) => setBy(event.currentTarget.value)}>
            {options.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {({ values, cells }) => (
        <ScrollRegion label="Scores by segment">
          <table>
            <caption>Each score with its 95 % interval and number of answers, per group.</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">NPS</th>
                <th scope="col">CSAT</th>
                <th scope="col">CES (mean, 1–7)</th>
              </tr>
            </thead>
            <tbody>
              {values.map((value) => (
                <tr key={value}>
                  <th scope="row" class="verbatim">
                    {value}
                  </th>
                  <ScoreCell cell={cells.nps.get(value)} />
                  <ScoreCell cell={cells.csat.get(value)} />
                  <ScoreCell cell={cells.ces.get(value)} />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Section>
  );
};
