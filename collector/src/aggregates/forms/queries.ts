import { type RollupFilters, rollupFilter } from '../rollupFilter';
import type { StatsWindow } from '../window';

/** How many forms the stats list, most abandoned first. */
export const FORMS_LISTED = 50;

/** A form's sessions over a window: those that touched it, submitted it, and left it without ever submitting. */
export interface FormRow {
  form: string;
  path: string;
  touched: number;
  submitted: number;
  abandoned: number;
}

/** How many abandoning sessions of a form left at one field (null: a field without a name or id). */
export interface LastFieldRow {
  form: string;
  path: string;
  field: string | null;
  sessions: number;
}

/** The median time an abandoning session of a form spent on it before leaving, ms. */
export interface MedianRow {
  form: string;
  path: string;
  median: number;
}

/**
 * The forms touched in a window, per form and normalised path: sessions that touched, submitted and abandoned each
 * (a session that touched it and never submitted it), the last field abandoning sessions left at, and the exact
 * median time they spent. Reads one row per session and form (`form_sessions`), by the hour of its first event.
 */
export const formCounts = async (
  db: D1Database,
  site: string,
  window: StatsWindow,
  filters: Pick<RollupFilters, 'path' | 'device'>,
) => {
  const { where, bindings } = rollupFilter(site, window, filters, ['path', 'device']);
  const sessions = `WITH s AS (
    SELECT form, path, submits > 0 AS submitted, submits <= 0 AND abandons > 0 AS abandoned, last_field, duration
    FROM form_sessions WHERE ${where} AND (submits > 0 OR abandons > 0))`;
  const [forms, fields, medians] = await db.batch([
    db
      .prepare(
        `${sessions}
         SELECT form, path, COUNT(*) AS touched, SUM(submitted) AS submitted, SUM(abandoned) AS abandoned
         FROM s GROUP BY form, path ORDER BY abandoned DESC, touched DESC, form, path LIMIT ${FORMS_LISTED}`,
      )
      .bind(...bindings),
    db
      .prepare(
        `${sessions}
         SELECT form, path, last_field AS field, COUNT(*) AS sessions FROM s WHERE abandoned
         GROUP BY form, path, last_field`,
      )
      .bind(...bindings),
    db
      .prepare(
        `${sessions}
         SELECT form, path, AVG(duration) AS median FROM (
           SELECT form, path, duration, ROW_NUMBER() OVER (PARTITION BY form, path ORDER BY duration) AS rank,
             COUNT(*) OVER (PARTITION BY form, path) AS n
           FROM s WHERE abandoned AND duration IS NOT NULL)
         WHERE rank IN ((n + 1) / 2, (n + 2) / 2) GROUP BY form, path`,
      )
      .bind(...bindings),
  ]);
  return {
    forms: forms!.results as FormRow[],
    fields: fields!.results as LastFieldRow[],
    medians: medians!.results as MedianRow[],
  };
};
