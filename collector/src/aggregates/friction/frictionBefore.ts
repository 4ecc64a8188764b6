import { sqlList } from '../../lib/sqlList';
import { FRICTION_SIGNALS } from './signals';

/**
 * The SQL condition that the friction event `f` happened in the session of the answer aliased `answer`, captured
 * before it. Its `type IN` term is migration 0014's partial index condition word for word, which is what lets SQLite
 * read `f` through that index (test/trigger-lists.test.ts checks the list, test/impact.test.ts the plans).
 */
export const frictionBefore = (answer: string): string =>
  `f.site = ${answer}.site AND f.session = ${answer}.session AND f.ts < ${answer}.ts AND f.type IN (${sqlList(FRICTION_SIGNALS)})`;
