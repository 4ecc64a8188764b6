/** A fixed list of names as the items of an SQL `IN (…)`: quoted literals, for lists the code holds, never input. */
export const sqlList = (items: readonly string[]): string => items.map((item) => `'${item}'`).join(', ');
