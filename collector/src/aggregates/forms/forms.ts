import { groupBy } from '../../lib/groupBy';
import { LOW_SAMPLE } from '../lowSample';
import { rateOf } from '../surveys/surveys';
import { type StatsWindow, stated } from '../window';
import type { FormRow, LastFieldRow, MedianRow } from './queries';

/** How many last fields each form lists, most abandoning sessions first. */
export const LAST_FIELDS_LISTED = 5;

/** The key of a form on a page. */
const keyOf = (row: { form: string; path: string }) => `${row.path}\n${row.form}`;

/**
 * The forms stats: per form and page, the sessions that touched, submitted and abandoned it, the abandonment rate
 * (abandoned of touched) with its Wilson interval, the fields abandoning sessions last touched, and the median time
 * they spent before leaving.
 */
export const formStats = (window: StatsWindow, forms: FormRow[], fields: LastFieldRow[], medians: MedianRow[]) => {
  const lastFields = groupBy(fields, keyOf);
  const median = new Map(medians.map((row) => [keyOf(row), row.median]));
  return {
    ...stated(window),
    forms: forms.map((row) => ({
      form: row.form,
      path: row.path,
      touched: row.touched,
      submitted: row.submitted,
      abandoned: row.abandoned,
      abandonmentRate: rateOf(row.abandoned, row.touched),
      lowSample: row.touched < LOW_SAMPLE,
      lastFields: (lastFields.get(keyOf(row)) ?? [])
        .sort((a, b) => b.sessions - a.sessions || String(a.field).localeCompare(String(b.field)))
        .slice(0, LAST_FIELDS_LISTED)
        .map(({ field, sessions }) => ({ field, sessions })),
      medianDuration: median.get(keyOf(row)) ?? null,
    })),
  };
};
