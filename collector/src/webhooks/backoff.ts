/**
 * Seconds before each retry of a webhook: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 6 h and 8 h, about 22 hours
 * in all, about a day with the jitter. `max_retries` of the webhook queue (wrangler.jsonc) is its length: the
 * attempt after the last one goes to the dead-letter queue.
 */
export const RETRY_SCHEDULE = [5, 30, 120, 600, 1_800, 3_600, 7_200, 14_400, 21_600, 28_800];

/** The longest delay a Queue retry takes, 12 hours. */
const MAX_DELAY_SECONDS = 43_200;

/**
 * The delay before retry number `attempt` (1 after the first failure): the schedule's, ±20 % jitter so that failing
 * endpoints do not get their retries all at once, and never less than a `Retry-After` the endpoint asked for.
 */
export const retryDelay = (attempt: number, retryAfterSeconds = 0, random = Math.random()): number => {
  const base = RETRY_SCHEDULE[Math.min(attempt, RETRY_SCHEDULE.length) - 1]!;
  const jittered = Math.round(base * (0.8 + 0.4 * random));
  return Math.min(MAX_DELAY_SECONDS, Math.max(jittered, Math.ceil(retryAfterSeconds)));
};

/** Seconds a `Retry-After` header asks for (seconds or an HTTP date), or 0. */
export const retryAfterSeconds = (header: string | null, now = Date.now()): number => {
  if (!header) return 0;
  if (/^\d+$/.test(header.trim())) return Number(header);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, (date - now) / 1000);
};
