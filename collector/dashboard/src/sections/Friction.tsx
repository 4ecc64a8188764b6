import { useState } from 'preact/hooks';
import { FRICTION_SIGNALS, type FrictionSignal } from '../../../src/aggregates/friction/signals';
import { type FrictionStats, read } from '../api';
import { Sparkline } from '../charts/Sparkline';
import { useView } from '../context';
import { bucketStarts, statsQuery } from '../filters';
import { count, counted, decimal } from '../format';
import { useLoad } from '../hooks';
import { TagSnippet } from '../snippet';
import { ScrollRegion } from './ScrollRegion';
import { Section } from './Section';
import { type Sort, SortHeader } from './SortHeader';
import { useStats } from './useStats';

/** Each signal's name in the table. */
export const SIGNAL_NAMES: Record<FrictionSignal, string> = {
  rage_click: 'Rage clicks',
  dead_click: 'Dead clicks',
  error_click: 'Error clicks',
  js_error: 'JS errors',
  form_abandon: 'Abandoned forms',
  quick_back: 'Quick backs',
  excessive_scroll: 'Excessive scrolling',
};

type Page = FrictionStats['pages'][number];
type SortKey = 'path' | 'pageviews' | 'rate' | FrictionSignal;

/** The value a column sorts by. */
const sortValue = (page: Page, key: SortKey): number | string =>
  key === 'path'
    ? page.path
    : key === 'pageviews'
      ? page.pageviews
      : key === 'rate'
        ? (page.rate ?? -1)
        : (page.signals[key].rate ?? -1);

/** Rows shown before "Show every page". */
const FIRST_ROWS = 20;

/** A page's friction per 100 page views over the window, one value per bucket, as a sparkline. */
const PageTrend = ({ path }: { path: string }) => {
  const view = useView();
  const loaded = useLoad(`${view.key}|${path}`, (signal) =>
    read(view.credentials, 'stats/friction', { ...statsQuery(view.window, view.filters), path }, signal),
  );
  if (loaded.state === 'loading') return <span class="sparkline-empty">…</span>;
  if (loaded.state === 'failed') return <span class="sparkline-empty">—</span>;
  const byStart = new Map((loaded.value.series ?? []).map((point) => [point.from, point.rate]));
  return (
    <Sparkline
      label={`Friction per 100 page views on ${path}, by ${view.window.interval}`}
      values={bucketStarts(view.window).map((start) => byStart.get(start) ?? null)}
    />
  );
};

/** The friction table per page, sortable by any column, with a sparkline per row, and the worst elements. */
const FrictionTables = ({ stats }: { stats: FrictionStats }) => {
  const [sort, setSort] = useState<Sort<SortKey>>({ key: 'rate', descending: true });
  const [all, setAll] = useState(false);
  const onSort = (key: SortKey) =>
    setSort((previous) => ({ key, descending: previous.key === key ? !previous.descending : key !== 'path' }));
  const pages = [...stats.pages].sort((a, b) => {
    const left = sortValue(a, sort.key);
    const right = sortValue(b, sort.key);
    const order = typeof left === 'string' ? left.localeCompare(String(right)) : left - (right as number);
    return (sort.descending ? -order : order) || a.path.localeCompare(b.path);
  });
  const shown = all ? pages : pages.slice(0, FIRST_ROWS);
  return (
    <>
      <p class="summary">
        <strong>{decimal(stats.rate)}</strong> friction signals per 100 page views, over{' '}
        {counted(stats.pageviews, 'page view')} in {counted(stats.sessions, 'session')}.
        {stats.rageClickBursts.clicksPerBurst !== null && (
          <>
            {' '}
            A rage click had <strong>{decimal(stats.rageClickBursts.clicksPerBurst)}</strong> clicks on average (
            {counted(stats.rageClickBursts.clicks, 'click')} in {counted(stats.rageClickBursts.known, 'burst')}).
          </>
        )}
      </p>
      <ScrollRegion label="Friction per page">
        <table class="friction">
          <caption>Friction per page: each signal per 100 page views</caption>
          <thead>
            <tr>
              <SortHeader column="path" label="Page" sort={sort} onSort={onSort} />
              <SortHeader column="pageviews" label="Page views" sort={sort} onSort={onSort} />
              <SortHeader column="rate" label="All signals" sort={sort} onSort={onSort} />
              {FRICTION_SIGNALS.map((signal) => (
                <SortHeader key={signal} column={signal} label={SIGNAL_NAMES[signal]} sort={sort} onSort={onSort} />
              ))}
              <th scope="col">Trend</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((page) => (
              <tr key={page.path}>
                <th scope="row">
                  <code>{page.path}</code>
                </th>
                <td>{count(page.pageviews)}</td>
                <td>
                  <strong>{decimal(page.rate)}</strong>
                </td>
                {FRICTION_SIGNALS.map((signal) => (
                  <td key={signal} class={page.signals[signal].count ? undefined : 'zero'}>
                    {decimal(page.signals[signal].rate)}
                    <span class="count">
                      <span class="visually-hidden"> (</span>
                      {counted(page.signals[signal].count, 'event')}
                      <span class="visually-hidden">)</span>
                    </span>
                  </td>
                ))}
                <td>
                  <PageTrend path={page.path} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {pages.length > FIRST_ROWS && (
        <button type="button" onClick={() => setAll(!all)}>
          {all ? `Show the first ${FIRST_ROWS} pages` : `Show all ${pages.length} pages`}
        </button>
      )}
      <h3>Worst elements</h3>
      {stats.elements.length === 0 ? (
        <p class="empty">No rage, dead or error clicks in this range.</p>
      ) : (
        <ScrollRegion label="Worst elements">
          <table class="elements">
            <caption>The elements with the most rage and dead clicks</caption>
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">Label</th>
                <th scope="col">Page</th>
                <th scope="col">Rage clicks</th>
                <th scope="col">Dead clicks</th>
                <th scope="col">Error clicks</th>
                <th scope="col">In their words</th>
              </tr>
            </thead>
            <tbody>
              {stats.elements.map((element) => (
                <tr key={`${element.path} ${element.target}`}>
                  <th scope="row">
                    <code>{element.target}</code>
                  </th>
                  <td>{element.label ?? '—'}</td>
                  <td>
                    <code>{element.path}</code>
                  </td>
                  <td>{count(element.rage_click)}</td>
                  <td>{count(element.dead_click)}</td>
                  <td>{count(element.error_click)}</td>
                  <td class="verbatim">
                    {element.verbatims.length === 0
                      ? '—'
                      : element.verbatims.map((said) => <q key={said.time + said.text}>{said.text}</q>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
};

/** Friction: signals per 100 page views for each page, and the elements visitors fight with. */
export const FrictionSection = () => {
  const [loaded, retry] = useStats((view, signal) =>
    read(view.credentials, 'stats/friction', statsQuery(view.window, view.filters), signal),
  );
  return (
    <Section
      id="friction"
      title="Friction"
      loaded={loaded}
      retry={retry}
      isEmpty={(stats) => stats.pageviews === 0}
      empty={
        <>
          <p>
            <strong>No page views in this range.</strong>
          </p>
          <p>
            Paste the tag into every page of the site, with the site's public write key, then open a page: page views
            and friction show here within a minute. If the tag is in place, widen the date range or clear the page
            filter.
          </p>
          <TagSnippet />
        </>
      }
    >
      {(stats) => <FrictionTables stats={stats} />}
    </Section>
  );
};
