/** Visitor ids per DELETE: D1 binds at most 100 parameters to one statement. */
const IDS_PER_STATEMENT = 90;

/**
 * Erases a respondent of a site: every event of the visitor with this id, and of every visitor identified as this
 * user (`userKey` is the id as the user column stores it), goes; the subtracting triggers take them out of every
 * rollup, and their events held in quarantine go too. Tombstones for the id, the user key and those visitors make later deliveries of their events (a Queue
 * redelivery, an outbox that was offline) be ignored on insert. Returns how many events and visitors were erased.
 */
export const eraseRespondent = async (
  db: D1Database,
  site: string,
  id: string,
  userKey: string,
  now: number,
): Promise<{ events: number; visitors: number }> => {
  const { results } = await db
    .prepare(
      // A UNION rather than an OR, so that each half uses its own index instead of scanning the site's events.
      'SELECT visitor FROM events WHERE site = ? AND visitor = ? UNION SELECT visitor FROM events WHERE site = ? AND user IN (?, ?)',
    )
    .bind(site, id, site, id, userKey)
    .all<{ visitor: string }>();
  const visitors = results.map((row) => row.visitor);
  const keys = [...new Set([id, userKey, ...visitors])];
  const tombstones = keys.map((key) =>
    db
      .prepare('INSERT INTO erasures (site, id, erased_at) VALUES (?, ?, ?) ON CONFLICT (site, id) DO NOTHING')
      .bind(site, key, now),
  );
  // Each DELETE comes after a COUNT of the same rows (D1's `changes` also counts the rows the triggers touched), and
  // before the same DELETE from quarantine, where events that failed to store wait.
  const deletions: D1PreparedStatement[] = [];
  const both = (where: string, ...bindings: string[]) =>
    deletions.push(
      db.prepare(`SELECT COUNT(*) AS n FROM events WHERE ${where}`).bind(...bindings),
      db.prepare(`DELETE FROM events WHERE ${where}`).bind(...bindings),
      db.prepare(`DELETE FROM quarantine WHERE ${where}`).bind(...bindings),
    );
  // The id itself too: a visitor whose events all wait in quarantine has none in `events`.
  const erased = [...new Set([id, ...visitors])];
  for (let start = 0; start < erased.length; start += IDS_PER_STATEMENT) {
    const chunk = erased.slice(start, start + IDS_PER_STATEMENT);
    both(`site = ? AND visitor IN (${chunk.map(() => '?').join(', ')})`, site, ...chunk);
  }
  // Events of the user from a visitor first seen after the look-up above.
  both('site = ? AND user IN (?, ?)', site, id, userKey);
  const outcomes = await db.batch<{ n: number }>([...tombstones, ...deletions]);
  const events = outcomes
    .slice(tombstones.length)
    .reduce((sum, outcome, index) => sum + (index % 3 ? 0 : outcome.results[0]!.n), 0);
  return { events, visitors: visitors.length };
};
