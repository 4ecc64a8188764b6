import { type StatsWindow, stated } from '../window';
import type { ErrorGroupRow } from './queries';

/**
 * The errors stats: each group with its events, the sessions and pages it reached, the error clicks with its message
 * (an error right after a click), and when it was first and last seen on the site.
 */
export const errorStats = (
  window: StatsWindow,
  groups: ErrorGroupRow[],
  clicks: { message_key: string; clicks: number }[],
) => {
  const clicksByMessage = new Map(clicks.map((row) => [row.message_key, row.clicks]));
  return {
    ...stated(window),
    groups: groups.map((group) => ({
      fingerprint: group.fingerprint,
      message: group.message,
      file: group.file,
      events: group.events,
      sessions: group.sessions,
      pages: group.pages,
      afterClick: Math.min(group.events, clicksByMessage.get(group.message_key) ?? 0),
      firstSeen: new Date(group.first_seen).toISOString(),
      lastSeen: new Date(group.last_seen).toISOString(),
    })),
  };
};
