import { useEffect, useRef, useState } from 'preact/hooks';
import { csvLines } from '../../../src/lib/csv';
import { frictionText } from '../../../src/lib/frictionText';
import { type Answer, type Credentials, read, surveyNames } from '../api';
import { useView, type View } from '../context';
import { dateTime } from '../format';
import { useLoad } from '../hooks';
import { ScrollRegion } from './ScrollRegion';
import { Narrowed, Section } from './Section';

/** Verbatims per page. */
const PAGE_SIZE = 25;
/** Score answers come just before their follow-up: look this far back for them. */
const SCORE_LOOKBACK_MS = 3_600_000;
const SCORE_KINDS = new Set(['nps', 'csat', 'ces', 'rating']);
const KIND_NAMES: Record<string, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES', rating: 'Rating' };

/** A free-text answer with the score given in the same showing of its survey, when there was one. */
export interface Verbatim {
  id: string;
  time: string;
  survey: string;
  question: string;
  text: string;
  score: { kind: string; value: number } | null;
  path: string;
  device: string;
  /** The friction its respondent met earlier in the session, as text; empty when none. */
  friction: string;
}

/** The score as the table shows it: `NPS 9`. */
const scoreText = (score: Verbatim['score']) =>
  score ? `${KIND_NAMES[score.kind] ?? score.kind} ${score.value}` : '—';

interface Search {
  q: string;
  survey: string;
}

interface VerbatimPage {
  rows: Verbatim[];
  next: string | null;
}

/**
 * A page of free-text answers (`kind=text`), newest first, each joined to the score of its showing: the answers of
 * one showing share a response id, and the score is given first.
 */
const loadVerbatims = async (
  view: View,
  search: Search,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<VerbatimPage> => {
  const credentials: Credentials = view.credentials;
  const shared = {
    survey: search.survey || undefined,
    path: view.filters.path || undefined,
    device: view.filters.device || undefined,
  };
  const page = await read(
    credentials,
    'responses',
    {
      ...shared,
      from: view.window.from,
      to: view.window.to,
      kind: 'text',
      q: search.q.trim() || undefined,
      limit: String(PAGE_SIZE),
      cursor,
    },
    signal,
  );
  const texts = page.answers.filter((answer) => typeof answer.value === 'string');
  const scores = new Map<string, Answer>();
  if (texts.length > 0) {
    const times = texts.map((answer) => Date.parse(answer.time));
    const around = await read(
      credentials,
      'responses',
      {
        ...shared,
        from: String(Math.min(...times) - SCORE_LOOKBACK_MS),
        to: String(Math.max(...times) + 1),
        limit: '5000',
      },
      signal,
    );
    for (const answer of around.answers)
      if (SCORE_KINDS.has(answer.kind) && typeof answer.value === 'number') scores.set(answer.response, answer);
  }
  return {
    next: page.next,
    rows: texts.map((answer) => {
      const score = scores.get(answer.response);
      return {
        id: answer.id,
        time: answer.time,
        survey: answer.survey,
        question: answer.question,
        text: answer.value as string,
        score: score ? { kind: score.kind, value: score.value as number } : null,
        path: answer.path,
        device: answer.device,
        friction: frictionText(answer.friction),
      };
    }),
  };
};

// The score as a number a spreadsheet can sum, its kind (`nps`, `csat`, `ces`, `rating`) in a column of its own.
const CSV_HEADER = [
  'time',
  'survey',
  'question',
  'score_type',
  'score',
  'answer',
  'page',
  'device',
  'friction',
] as const;

/** The rows shown, as CSV (formula-like cells neutralised as the export does), downloaded as a file. */
const downloadCsv = (rows: Verbatim[], site: string) => {
  const csv = csvLines(
    CSV_HEADER,
    rows.map((row) => [
      row.time,
      row.survey,
      row.question,
      row.score?.kind,
      row.score?.value,
      row.text,
      row.path,
      row.device,
      row.friction,
    ]),
  );
  const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `pulse-${site}-verbatims.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Verbatims: the latest free-text answers with score, page and date; searchable; exported as CSV as shown. */
export const VerbatimsSection = () => {
  const view = useView();
  const [typed, setTyped] = useState<Search>({ q: '', survey: '' });
  const [search, setSearch] = useState<Search>(typed);
  const [attempt, setAttempt] = useState(0);
  const [more, setMore] = useState<{ key: string; page: VerbatimPage; loading: boolean; error?: string }>();
  const surveys = useRef(new Set<string>());

  // Searching waits for a pause in typing, so that each keystroke does not cost a request.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const key = `${view.key}|${search.q}|${search.survey}|${attempt}`;
  const first = useLoad(key, (signal) => loadVerbatims(view, search, undefined, signal));
  const extra = more?.key === key ? more : undefined;
  const rows = first.state === 'done' ? [...first.value.rows, ...(extra?.page.rows ?? [])] : [];
  const next = extra ? extra.page.next : first.state === 'done' ? first.value.next : null;
  for (const row of rows) surveys.current.add(row.survey);
  const names = useLoad(view.credentials.site, (signal) => surveyNames(view.credentials.site, signal));
  /** A survey as the owner named it, else its id. */
  const surveyName = (id: string) => (names.state === 'done' && names.value[id]) || id;

  const loadMore = async () => {
    if (!next) return;
    setMore({ key, page: extra?.page ?? { rows: [], next }, loading: true });
    try {
      const page = await loadVerbatims(view, search, next, new AbortController().signal);
      setMore({ key, page: { rows: [...(extra?.page.rows ?? []), ...page.rows], next: page.next }, loading: false });
    } catch (error) {
      setMore({
        key,
        page: extra?.page ?? { rows: [], next },
        loading: false,
        error: error instanceof Error ? error.message : 'unknown error',
      });
    }
  };

  const searching = search.q !== '' || search.survey !== '';
  return (
    <Section
      id="verbatims"
      title="Verbatims"
      loaded={first.state === 'done' ? { state: 'done', value: rows } : first}
      retry={() => setAttempt((previous) => previous + 1)}
      isEmpty={() => false}
      empty={null}
      toolbar={
        <search class="search">
          <label>
            Search the answers
            <input
              type="search"
              value={typed.q}
              maxLength={200}
              onInput={(event) => setTyped({ ...typed, q: event.currentTarget.value })}
            />
          </label>
          <label>
            Survey
            <select
              value={typed.survey}
              onChange={(event) => setTyped({ ...typed, survey: event.currentTarget.value })}
            >
              <option value="">Every survey</option>
              {[...surveys.current]
                .sort((a, b) => surveyName(a).localeCompare(surveyName(b)))
                .map((survey) => (
                  <option key={survey} value={survey}>
                    {surveyName(survey)}
                  </option>
                ))}
            </select>
          </label>
          <button type="button" disabled={rows.length === 0} onClick={() => downloadCsv(rows, view.credentials.site)}>
            Export CSV ({rows.length} shown)
          </button>
        </search>
      }
    >
      {() => (
        <>
          {rows.length === 0 ? (
            <div class="empty">
              <Narrowed />
              {searching ? (
                <p>No free-text answer matches this search in this range.</p>
              ) : (
                <>
                  <p>
                    <strong>No free-text answers in this range.</strong>
                  </p>
                  <p>
                    Give a score question a <code>followUp</code>, or add a <code>text</code> question, to hear in the
                    visitors' own words why they scored as they did. Answers show here within a minute.
                  </p>
                </>
              )}
            </div>
          ) : (
            <ScrollRegion label="Verbatims">
              <table class="verbatims">
                <caption>The latest free-text answers, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Survey</th>
                    <th scope="col">Score</th>
                    <th scope="col">Answer</th>
                    <th scope="col">Page</th>
                    <th scope="col">Device</th>
                    <th scope="col">Friction before</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td data-label="Date">
                        <time dateTime={row.time}>{dateTime(row.time)}</time>
                      </td>
                      <td data-label="Survey">{surveyName(row.survey)}</td>
                      <td data-label="Score">{scoreText(row.score)}</td>
                      <td data-label="Answer" class="verbatim">
                        {row.text}
                      </td>
                      <td data-label="Page">
                        <code>{row.path}</code>
                      </td>
                      <td data-label="Device">{row.device}</td>
                      <td data-label="Friction before">{row.friction || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {extra?.error && (
            <p class="failed" role="alert">
              Could not load more: {extra.error}
            </p>
          )}
          {next && (
            <button type="button" disabled={extra?.loading} onClick={loadMore}>
              {extra?.loading ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </Section>
  );
};
