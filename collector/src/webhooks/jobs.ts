import type { StoredEvent } from '../ingest/normalize';
import { ttlCache } from '../lib/ttlCache';
import type { FrictionAlert, NewErrorAlert, ScoreAlert } from './alerts';
import type { WeeklyDigest } from './digest';
import { subscribedTypes } from './endpoints';
import { isDetractor } from './payload';

/**
 * Work of the webhook queue: a response or an alert to fan out to its site's endpoints, or one message to one
 * endpoint. An alert's `key` names it once (rule, survey, time), so its webhook id is the same on every fan-out.
 */
export type WebhookJob =
  | { kind: 'fanout'; site: string; type: 'response.completed' | 'response.detractor'; response: string }
  | {
      kind: 'alert';
      site: string;
      type: 'score.alert' | 'friction.alert' | 'error.new' | 'digest.weekly';
      key: string;
      /** The survey or the page the alert is about, for the endpoints' filters. */
      survey: string | null;
      path: string | null;
      data: ScoreAlert | FrictionAlert | NewErrorAlert | WeeklyDigest;
    }
  | { kind: 'deliver'; site: string; endpoint: string; id: string };

/** A fan-out and when it is due. */
export interface Scheduled {
  job: Extract<WebhookJob, { kind: 'fanout' }>;
  delaySeconds: number;
}

/** How long a detractor's webhook waits for the follow-up text before it goes without it. */
export const FOLLOW_UP_WAIT_SECONDS = 300;

/**
 * The fan-outs that newly stored events call for: a completed showing, at once; a detractor's score, once the
 * follow-up wait is over; any text answer, at once, in case it is a detractor's follow-up (the fan-out checks). A
 * response is fanned out more than once (the Queue redelivers, a text follows a score); each endpoint's message has
 * one webhook id, recorded once.
 */
export const jobsOf = (site: string, events: readonly StoredEvent[]): Scheduled[] => {
  const jobs = new Map<string, Scheduled>();
  const add = (type: Scheduled['job']['type'], response: string, delaySeconds: number) =>
    jobs.set(`${type} ${response} ${delaySeconds}`, { job: { kind: 'fanout', site, type, response }, delaySeconds });
  for (const event of events) {
    if (!event.response) continue;
    if (event.type === 'survey_completed') add('response.completed', event.response, 0);
    if (event.type !== 'survey_answer') continue;
    if (isDetractor(event)) add('response.detractor', event.response, FOLLOW_UP_WAIT_SECONDS);
    if (event.kind === 'text') add('response.detractor', event.response, 0);
  }
  return [...jobs.values()];
};

/** A site's subscribed event types, cached briefly: a new endpoint gets its first messages within 10 s. */
const subscriptions = ttlCache<Set<string>>(10_000, 1_000);

/** Queues the fan-outs a delivery's stored events call for, for the types the site's endpoints subscribe to. */
export const queueWebhooks = async (
  db: D1Database,
  queue: Queue<WebhookJob>,
  site: string,
  events: readonly StoredEvent[],
  now = Date.now(),
) => {
  const jobs = jobsOf(site, events);
  if (!jobs.length) return;
  const types = await subscriptions.load(site, now, () => subscribedTypes(db, site));
  const due = jobs.filter(({ job }) => types.has(job.type));
  if (due.length) await queue.sendBatch(due.map(({ job, delaySeconds }) => ({ body: job, delaySeconds })));
};

/** Forgets a site's cached subscriptions in this isolate, once an admin changed its endpoints. */
export const forgetSubscriptions = (site: string) => subscriptions.forget([site]);
