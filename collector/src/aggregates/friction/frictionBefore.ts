import { FRICTION_SIGNALS } from './signals';

/** The friction signals as SQL, in the order of migration 0014's partial index. */
const SIGNALS_SQL = FRICTION_SIGNALS.map((signal) => `'${signal}'`).join(', ');

/**
 * The SQL condition that the friction event `f` happened in the session of the answer aliased `answer`, captured
 * before it. Its `type IN` term is migration 0014's partial index condition word for word, which is what lets SQLite
 * read `f` through that index (test/trigger-lists.test.ts checks the list, test/impact.test.ts the plans).
 */
export const frictionBefore = (answer: string): string =>
  `f.site = ${answer}.site AND f.session = ${answer}.session AND f.ts < ${answer}.ts AND f.type IN (${SIGNALS_SQL})`;
