import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { countWithoutEvents } from '../ingest/enqueue';
import { isBot } from '../lib/isBot';

/** The reason given for every event of a bot's batch. */
export const BOT_REASON = 'sent by a bot or a headless browser';

/**
 * Drops a batch whose User-Agent is a bot or a headless browser, and counts it. The answer is a 202 that rejects
 * every event, so a well-behaved client does not retry. A missing User-Agent (a server-side integration) passes.
 */
export const dropBots = createMiddleware<AppEnv>(async (c, next) => {
  if (!isBot(c.req.header('user-agent'))) return next();
  const { events } = c.get('batch');
  countWithoutEvents(c.env.EVENTS, c.get('site').id, { bots: events.length }, (promise) =>
    c.executionCtx.waitUntil(promise),
  );
  return c.json({ accepted: 0, rejected: events.map((_, index) => ({ index, reason: BOT_REASON })) }, 202);
});
