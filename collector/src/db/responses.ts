import { frictionBefore } from '../aggregates/friction/frictionBefore';
import { ELEMENT_SIGNALS, type FrictionSignal } from '../aggregates/friction/signals';
import { groupBy } from '../lib/groupBy';
import { normalizePath } from '../lib/normalizePath';
import { sqlList } from '../lib/sqlList';

/** A stored survey answer, as the export reads it. */
export interface AnswerRow {
  id: string;
  ts: number;
  survey: string;
  response: string;
  question: string;
  kind: string;
  value: number | null;
  text: string | null;
  path: string;
  url: string;
  device: string;
  visitor: string;
  user: string | null;
  /** The showing's segments as stored (`data.segments`), JSON; null for an answer without them. */
  segments: string | null;
}

/** A friction signal the respondent met earlier in the session of an answer. */
export interface FrictionMet {
  type: FrictionSignal;
  /** The element's selector, for rage, dead and error clicks. */
  target: string | null;
  path: string;
  ts: number;
}

/** How many of the friction signals met before an answer the export lists: the latest. */
export const FRICTION_LISTED = 20;

/** Where a page of the export starts: after this answer, newest first. */
export interface AnswerCursor {
  ts: number;
  id: string;
}

/** What the export may filter answers by. */
export interface AnswerFilters {
  /** Capture time from (inclusive) and to (exclusive), ms. */
  from?: number;
  to?: number;
  survey?: string;
  path?: string;
  device?: string;
  kind?: string;
  /** Text that must appear in the answer (case-insensitive for ASCII). */
  q?: string;
  /** Only answers given after friction in their session: any signal, or this one. */
  friction?: FrictionSignal | 'any';
  /** Only answers given after a rage, dead or error click on the element with this selector, in their session. */
  target?: string;
  after?: AnswerCursor;
  limit: number;
}

/** Escapes LIKE's wildcards so that a search is taken literally. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * A page of a site's survey answers, newest first, each with the friction its respondent met earlier in that session
 * (the latest `FRICTION_LISTED`, oldest first), and the cursor of the next page (undefined on the last). Reads a
 * partial index of answers, so page views and friction events are never stepped over, and friction through its
 * partial index by session.
 */
export const listAnswers = async (
  db: D1Database,
  site: string,
  filters: AnswerFilters,
): Promise<{ rows: (AnswerRow & { friction: FrictionMet[] })[]; next?: AnswerCursor }> => {
  const clauses = ['a.site = ?', "a.type = 'survey_answer'"];
  const bindings: (string | number)[] = [site];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    bindings.push(...values);
  };
  const before = `SELECT 1 FROM events f WHERE ${frictionBefore('a')}`;
  if (filters.from !== undefined) add('a.ts >= ?', filters.from);
  if (filters.to !== undefined) add('a.ts < ?', filters.to);
  if (filters.survey !== undefined) add('a.survey = ?', filters.survey);
  if (filters.path !== undefined) add('a.path = ?', normalizePath(filters.path));
  if (filters.device !== undefined) add('a.device = ?', filters.device);
  if (filters.kind !== undefined) add('a.kind = ?', filters.kind);
  if (filters.q !== undefined) add("a.text LIKE ? ESCAPE '\\'", likeLiteral(filters.q));
  if (filters.friction === 'any') add(`EXISTS (${before})`);
  else if (filters.friction !== undefined) add(`EXISTS (${before} AND f.type = ?)`, filters.friction);
  if (filters.target !== undefined)
    add(`EXISTS (${before} AND f.type IN (${sqlList(ELEMENT_SIGNALS)}) AND f.target = ?)`, filters.target);
  if (filters.after) add('(a.ts < ? OR (a.ts = ? AND a.id < ?))', filters.after.ts, filters.after.ts, filters.after.id);
  const { results } = await db
    .prepare(
      'SELECT a.id, a.ts, a.survey, a.response, a.question, a.kind, a.value, a.text, a.path, a.url, a.device, ' +
        `a.visitor, a.user, json_extract(a.data, '$.segments') AS segments FROM events a WHERE ${clauses.join(' AND ')} ORDER BY a.ts DESC, a.id DESC LIMIT ?`,
    )
    .bind(...bindings, filters.limit + 1)
    .all<AnswerRow>();
  const page = results.slice(0, filters.limit);
  const met = page.length
    ? (
        await db
          .prepare(
            `SELECT a.id AS answer, f.type, f.target, f.path, f.ts FROM events a JOIN events f ON ${frictionBefore('a')}
             WHERE a.site = ? AND a.id IN (SELECT value FROM json_each(?)) ORDER BY f.ts, f.id`,
          )
          .bind(site, JSON.stringify(page.map((row) => row.id)))
          .all<FrictionMet & { answer: string }>()
      ).results
    : [];
  const byAnswer = groupBy(met, (row) => row.answer);
  const rows = page.map((row) => ({
    ...row,
    friction: (byAnswer.get(row.id) ?? []).slice(-FRICTION_LISTED).map(({ answer: _, ...friction }) => friction),
  }));
  if (results.length <= filters.limit) return { rows };
  const last = rows[rows.length - 1]!;
  return { rows, next: { ts: last.ts, id: last.id } };
};
