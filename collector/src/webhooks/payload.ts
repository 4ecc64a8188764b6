import type { FrictionAlert, NewErrorAlert, ScoreAlert } from './alerts';
import type { WeeklyDigest } from './digest';
import type { WebhookEventType } from './schema';

/** One answer of a response, its value in its own type. */
export interface ResponseAnswer {
  question: string;
  kind: string;
  value: number | string | string[];
}

/** What a webhook says about one response: never a visitor id, a read key, or anything PII scrubbing removed. */
export interface ResponseData {
  survey: { id: string; name: string | null };
  response: string;
  /** When the last answer was given, ISO 8601. */
  answeredAt: string;
  /** The normalised path (`/orders/:id`) and the scrubbed URL of the page where it was answered. */
  path: string;
  url: string;
  device: string;
  /** The site's own user id, from `identify` (its pseudonym when it held PII); null for anonymous visitors. */
  user: string | null;
  completed: boolean;
  answers: ResponseAnswer[];
  /** The dashboard's answers section, when the collector knows its public URL. */
  dashboard: string | null;
}

/** A stored event of a response, as the payload reads it. */
export interface ResponseRow {
  type: string;
  ts: number;
  survey: string;
  question: string | null;
  kind: string | null;
  value: number | null;
  text: string | null;
  path: string;
  url: string;
  device: string;
  user: string | null;
}

/** A response's stored events, oldest first. */
export const responseRows = async (db: D1Database, site: string, response: string) =>
  (
    await db
      .prepare(
        `SELECT type, ts, survey, question, kind, value, text, path, url, device, user FROM events
         WHERE site = ? AND response = ? ORDER BY ts, id`,
      )
      .bind(site, response)
      .all<ResponseRow>()
  ).results;

/** The detractor threshold of each score kind that has one: an NPS of 6 or less, a CSAT of 2 or less. */
const DETRACTING = { nps: 6, csat: 2 } as Record<string, number>;

/** Whether an answer is a detractor's. */
export const isDetractor = (answer: { kind: string | null; value: number | null }) =>
  answer.kind !== null &&
  answer.value !== null &&
  answer.kind in DETRACTING &&
  answer.value <= DETRACTING[answer.kind]!;

/** A stored answer's value in its own type: a multi-choice answer is stored as JSON text. */
const answerValue = (row: ResponseRow): number | string | string[] => {
  if (row.value !== null) return row.value;
  if (row.kind === 'multi' && row.text) {
    try {
      return JSON.parse(row.text) as string[];
    } catch {
      return row.text;
    }
  }
  return row.text ?? '';
};

/** The data of a response's webhook, or undefined while none of its answers is stored. */
export const responseData = (
  response: string,
  rows: ResponseRow[],
  surveyName: string | null,
  publicUrl: string | undefined,
): ResponseData | undefined => {
  const answers = rows.filter((row) => row.type === 'survey_answer');
  const last = answers.at(-1);
  if (!last) return undefined;
  return {
    survey: { id: last.survey, name: surveyName },
    response,
    answeredAt: new Date(last.ts).toISOString(),
    path: last.path,
    url: last.url,
    device: last.device,
    user: last.user,
    completed: rows.some((row) => row.type === 'survey_completed'),
    answers: answers.map((row) => ({ question: row.question ?? '', kind: row.kind ?? '', value: answerValue(row) })),
    dashboard: publicUrl ? `${publicUrl.replace(/\/+$/, '')}/dashboard/#verbatims` : null,
  };
};

/** The body of a standard (signed JSON) webhook. */
export const standardBody = (
  type: WebhookEventType,
  data: ResponseData | ScoreAlert | FrictionAlert | NewErrorAlert | WeeklyDigest,
  now: number,
) => JSON.stringify({ type, timestamp: new Date(now).toISOString(), data });

/**
 * Text for Slack's mrkdwn with nothing Slack would read as markup: `&`, `<` and `>` escaped, so that a verbatim
 * cannot write `<!channel>`, `<@U123>` or `<https://evil|a link>`; `@`, `*`, `_`, `~` and backticks are kept from
 * meaning anything by a zero-width joiner where they could start a mention or formatting.
 */
export const slackEscape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([@*_~`])/g, '$1\u200d');

/** How each event type is headed in Slack. */
const HEADINGS: Record<WebhookEventType, string> = {
  'response.completed': 'New response',
  'response.detractor': 'Detractor',
  'score.alert': 'Score drop',
  'friction.alert': 'Friction spike',
  'error.new': 'New error',
  'digest.weekly': 'Weekly digest',
};

/**
 * A Slack Block Kit message: a heading, a section of `mrkdwn` its caller escaped (Slack reads it `verbatim`: no links
 * or mentions of its own), an optional context line, and a button to the dashboard where there is one.
 */
const slackMessage = (heading: string, text: string, dashboard: string | null | undefined, context?: string) =>
  JSON.stringify({
    text: slackEscape(heading),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: heading.slice(0, 150), emoji: false } },
      { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000), verbatim: true } },
      ...(context ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: context, verbatim: true }] }] : []),
      ...(dashboard
        ? [
            {
              type: 'actions',
              elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the dashboard' }, url: dashboard }],
            },
          ]
        : []),
    ],
  });

/** The body of a Slack webhook: a Block Kit message with the score, the answer, the page, the device and a link. */
export const slackBody = (type: WebhookEventType, data: ResponseData) => {
  const lines = data.answers.map(
    (answer) =>
      `*${slackEscape(answer.question)}* (${slackEscape(answer.kind)}): ${slackEscape(
        Array.isArray(answer.value) ? answer.value.join(', ') : String(answer.value),
      )}`,
  );
  return slackMessage(
    `${HEADINGS[type]}: ${data.survey.name ?? data.survey.id}`,
    lines.join('\n'),
    data.dashboard,
    `${slackEscape(data.path)} · ${data.device} · ${data.answeredAt}`,
  );
};

/** A digest in a few lines of text: the scores and their change, then the worst pages, errors and verbatims. */
const digestText = (digest: WeeklyDigest) => {
  const score = (name: string, value: WeeklyDigest['scores']['nps']) =>
    `${name} ${value.score === null ? '—' : value.score.toFixed(1)} (n = ${value.n}${
      value.change === null ? '' : `, ${value.change >= 0 ? '+' : ''}${value.change.toFixed(1)} on the week before`
    })`;
  const lines = [
    [score('NPS', digest.scores.nps), score('CSAT', digest.scores.csat), score('CES', digest.scores.ces)].join(' · '),
    ...digest.pages.map((page) => `Friction: ${page.path}, ${page.rate?.toFixed(1) ?? '—'} per 100 page views`),
    ...digest.errors.map((error) => `Error: ${error.message} (${error.sessions} sessions)`),
    ...digest.verbatims.map((verbatim) => `"${verbatim.text}" (${verbatim.survey}, ${verbatim.path})`),
  ];
  return lines.join('\n');
};

/** The body of a Slack webhook about an alert: what it is about, both windows, and the test that fired it. */
export const slackAlertBody = (
  type: 'score.alert' | 'friction.alert' | 'error.new' | 'digest.weekly',
  alert: ScoreAlert | FrictionAlert | NewErrorAlert | WeeklyDigest,
  publicUrl: string | undefined,
) => {
  const figure = (score: number | null) => (score === null ? '—' : score.toFixed(1));
  const [heading, text, section] =
    'week' in alert
      ? [
          `${HEADINGS[type]}: ${alert.week.from.slice(0, 10)} to ${alert.week.to.slice(0, 10)}`,
          digestText(alert),
          'nps',
        ]
      : 'fingerprint' in alert
        ? [`${HEADINGS[type]}: ${alert.message}`, `${alert.file ?? 'an inline script'}: ${alert.test}.`, 'friction']
        : 'metric' in alert
          ? [
              `${HEADINGS[type]}: ${alert.metric.toUpperCase()} of ${alert.survey}`,
              `${alert.metric.toUpperCase()} ${figure(alert.recent.score)} over the last 7 days (n = ${alert.recent.n}), against ${figure(alert.baseline.score)} over the 28 days before (n = ${alert.baseline.n}): ${alert.test}.`,
              alert.metric,
            ]
          : [
              `${HEADINGS[type]}: ${alert.signal} on ${alert.path}`,
              `${figure(alert.recent.rate)} per 100 page views over the last ${alert.window}, against ${figure(alert.baseline.rate)} over the 14 days before: ${alert.test}.`,
              'friction',
            ];
  return slackMessage(
    heading,
    slackEscape(text),
    publicUrl && `${publicUrl.replace(/\/+$/, '')}/dashboard/#${section}`,
  );
};
