import type { VitalName } from '@pulse/sdk/protocol';
import { useState } from 'preact/hooks';
import { VITAL_THRESHOLDS } from '../../../src/aggregates/vitals/vitalBuckets';
import { read, type VitalStats } from '../api';
import { StackedBar } from '../charts/StackedBar';
import { statsQuery } from '../filters';
import { count, vitalValue } from '../format';
import { ScrollRegion } from './ScrollRegion';
import { Section } from './Section';
import { type Sort, SortHeader } from './SortHeader';
import { useStats } from './useStats';

const METRICS = Object.keys(VITAL_THRESHOLDS) as VitalName[];

const NAMES: Record<VitalName, string> = {
  LCP: 'Largest Contentful Paint',
  INP: 'Interaction to Next Paint',
  CLS: 'Cumulative Layout Shift',
  FCP: 'First Contentful Paint',
  TTFB: 'Time to First Byte',
};

type Rating = 'good' | 'needs-improvement' | 'poor';
const RATING_TEXT: Record<Rating, string> = { good: 'good', 'needs-improvement': 'needs improvement', poor: 'poor' };
/** A mark beside the colour, so that a rating never rests on colour alone. */
const RATING_MARK: Record<Rating, string> = { good: '✓', 'needs-improvement': '!', poor: '✕' };

type Summary = Omit<VitalStats['metrics'][number], 'name'>;

/** The published thresholds of a metric, in words. */
const thresholdText = (name: VitalName) =>
  `good ≤ ${vitalValue(name, VITAL_THRESHOLDS[name][0])}, poor > ${vitalValue(name, VITAL_THRESHOLDS[name][1])}`;

/** A p75 with its rating, as a coloured pill with a mark and the rating in words for screen readers. */
const P75 = ({ name, summary }: { name: VitalName; summary: Summary }) =>
  summary.rating ? (
    <span class={`p75 ${summary.rating}`} title={`p75 ${RATING_TEXT[summary.rating]} (${thresholdText(name)})`}>
      <span aria-hidden="true">{RATING_MARK[summary.rating]} </span>
      {vitalValue(name, summary.p75)}
      <span class="visually-hidden"> ({RATING_TEXT[summary.rating]})</span>
    </span>
  ) : (
    <span class="p75">—</span>
  );

/** The good / needs-improvement / poor shares of a metric as a bar. */
const Shares = ({ name, summary, legend }: { name: VitalName; summary: Summary; legend?: boolean }) => (
  <StackedBar
    label={`${name} ratings`}
    legend={legend}
    segments={[
      { label: 'Good', value: summary.good, tone: 'good' },
      { label: 'Needs improvement', value: summary.needsImprovement, tone: 'needs-improvement' },
      { label: 'Poor', value: summary.poor, tone: 'poor' },
    ]}
  />
);

/** A row of the table: one page on one device class, with its summary per metric. */
interface Row {
  path: string;
  device: string;
  metrics: Map<VitalName, Summary>;
}

/**
 * What a column sorts by: the page and device, or how far a metric's p75 is past its good threshold (1 at the
 * threshold, 2 at twice it), so that the worst pages of each metric come first; a row without the metric goes last.
 */
const sortValue = (row: Row, key: VitalName | 'path'): number | string => {
  if (key === 'path') return `${row.path} ${row.device}`;
  const summary = row.metrics.get(key);
  return summary?.n && summary.p75 !== null ? summary.p75 / VITAL_THRESHOLDS[key][0] : -1;
};

/** The per-page table, sortable by page or by how far each metric is past its good threshold. */
const VitalsTable = ({ rows }: { rows: Row[] }) => {
  const [sort, setSort] = useState<Sort<VitalName | 'path'>>({ key: 'path', descending: false });
  const onSort = (key: VitalName | 'path') =>
    setSort((previous) => ({ key, descending: previous.key === key ? !previous.descending : key !== 'path' }));
  const sorted = [...rows].sort((a, b) => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    const order = typeof left === 'string' ? left.localeCompare(String(right)) : left - (right as number);
    return (sort.descending ? -order : order) || sortValue(a, 'path').toString().localeCompare(`${b.path} ${b.device}`);
  });
  return (
    <ScrollRegion label="Vitals per page">
      <table class="vitals-table">
        <caption>
          p75 per page and device class, with the share of good, needs-improvement and poor visits. Sort by a metric to
          see the pages furthest past its good threshold first.
        </caption>
        <thead>
          <tr>
            <SortHeader column="path" label="Page" sort={sort} onSort={onSort} />
            <th scope="col">Device</th>
            {METRICS.map((name) => (
              <SortHeader
                key={name}
                column={name}
                label={name}
                title={`Sort by how far the p75 of ${name} is past its good threshold`}
                sort={sort}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={`${row.path} ${row.device}`}>
              <th scope="row">
                <code>{row.path}</code>
              </th>
              <td>{row.device}</td>
              {METRICS.map((name) => {
                const summary = row.metrics.get(name);
                return (
                  <td key={name}>
                    {summary && summary.n > 0 ? (
                      <>
                        <P75 name={name} summary={summary} />
                        <Shares name={name} summary={summary} legend={false} />
                        <span class="count">n = {count(summary.n)}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
};

/** Vitals: p75 per metric, then per page and device class, with good / needs-improvement / poor bars. */
export const VitalsSection = () => {
  const [loaded, retry] = useStats((view, signal) =>
    read(view.credentials, 'stats/vitals', statsQuery(view.window, view.filters), signal),
  );
  return (
    <Section
      id="vitals"
      title="Web vitals"
      loaded={loaded}
      retry={retry}
      isEmpty={(stats) => stats.n === 0}
      empty={
        <>
          <p>
            <strong>No web-vitals records in this range.</strong>
          </p>
          <p>
            With the tag on a page, Pulse reports LCP, INP, CLS, FCP and TTFB once the page is idle and when it is left.
            Open a page, use it for a moment and leave it; the values show here within a minute. Or widen the range.
          </p>
        </>
      }
    >
      {(stats) => {
        const rows = new Map<string, Row>();
        for (const group of stats.groups) {
          const key = `${group.path} ${group.device}`;
          const row = rows.get(key) ?? { path: group.path, device: group.device, metrics: new Map() };
          row.metrics.set(group.name, group);
          rows.set(key, row);
        }
        return (
          <>
            <p class="note">
              p75 is the value 75 % of visits beat, rated by the published thresholds. Colours:{' '}
              <span class="swatch good" /> good, <span class="swatch needs-improvement" /> needs improvement,{' '}
              <span class="swatch poor" /> poor.
            </p>
            <ul class="vitals">
              {stats.metrics.map((metric) => (
                <li key={metric.name} class="vital">
                  <h3>
                    <abbr title={NAMES[metric.name]}>{metric.name}</abbr>
                  </h3>
                  <P75 name={metric.name} summary={metric} />
                  <p class="threshold">
                    {thresholdText(metric.name)} · n = {count(metric.n)}
                  </p>
                  {metric.n > 0 && <Shares name={metric.name} summary={metric} />}
                </li>
              ))}
            </ul>
            <VitalsTable rows={[...rows.values()]} />
          </>
        );
      }}
    </Section>
  );
};
