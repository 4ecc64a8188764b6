import { normalizePath } from '../lib/normalizePath';

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
}

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
  after?: AnswerCursor;
  limit: number;
}

/** Escapes LIKE's wildcards so that a search is taken literally. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * A page of a site's survey answers, newest first, and the cursor of the next page (undefined on the last).
 * Reads a partial index of answers, so page views and friction events are never stepped over.
 */
export const listAnswers = async (
  db: D1Database,
  site: string,
  filters: AnswerFilters,
): Promise<{ rows: AnswerRow[]; next?: AnswerCursor }> => {
  const clauses = ['site = ?', "type = 'survey_answer'"];
  const bindings: (string | number)[] = [site];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    bindings.push(...values);
  };
  if (filters.from !== undefined) add('ts >= ?', filters.from);
  if (filters.to !== undefined) add('ts < ?', filters.to);
  if (filters.survey !== undefined) add('survey = ?', filters.survey);
  if (filters.path !== undefined) add('path = ?', normalizePath(filters.path));
  if (filters.device !== undefined) add('device = ?', filters.device);
  if (filters.kind !== undefined) add('kind = ?', filters.kind);
  if (filters.q !== undefined) add("text LIKE ? ESCAPE '\\'", likeLiteral(filters.q));
  if (filters.after) add('(ts < ? OR (ts = ? AND id < ?))', filters.after.ts, filters.after.ts, filters.after.id);
  const { results } = await db
    .prepare(
      'SELECT id, ts, survey, response, question, kind, value, text, path, url, device, visitor, user FROM events ' +
        `WHERE ${clauses.join(' AND ')} ORDER BY ts DESC, id DESC LIMIT ?`,
    )
    .bind(...bindings, filters.limit + 1)
    .all<AnswerRow>();
  if (results.length <= filters.limit) return { rows: results };
  const rows = results.slice(0, filters.limit);
  const last = rows[rows.length - 1]!;
  return { rows, next: { ts: last.ts, id: last.id } };
};
