import { normalizePath } from '../lib/normalizePath';
import type { StatsWindow } from './window';

/** Filters a stats query may apply to a rollup table. */
export interface RollupFilters {
  path?: string;
  survey?: string;
  device?: string;
}

/** The WHERE clause and its bindings for a site's rollup rows with optional filters, at any time. */
export const keyFilter = (site: string, filters: RollupFilters, columns: (keyof RollupFilters)[]) => {
  const clauses = ['site = ?'];
  const bindings: (string | number)[] = [site];
  for (const column of columns) {
    const value = filters[column];
    if (value === undefined) continue;
    clauses.push(`${column} = ?`);
    bindings.push(column === 'path' ? normalizePath(value) : value);
  }
  return { where: clauses.join(' AND '), bindings };
};

/** The WHERE clause and its bindings for a site's hourly rollup rows inside a window, with optional filters. */
export const rollupFilter = (
  site: string,
  window: StatsWindow,
  filters: RollupFilters,
  columns: (keyof RollupFilters)[],
) => {
  const { where, bindings } = keyFilter(site, filters, columns);
  return { where: `${where} AND hour >= ? AND hour < ?`, bindings: [...bindings, window.fromHour, window.toHour] };
};
