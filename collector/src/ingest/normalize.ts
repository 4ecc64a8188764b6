import type { PulseEvent } from '@pulse/sdk/protocol';
import { errorFingerprint, messageKey } from '../aggregates/errors/fingerprint';
import { type ShowingSegment, segmentsOf } from '../aggregates/segments/segmentsOf';
import { normalizePath } from '../lib/normalizePath';
import { scrubText, scrubUrl } from '../lib/pii';
import { userKey } from '../lib/userKey';

/** An event as stored in the `events` table: common fields in columns, the rest as JSON in `data`. */
export interface StoredEvent {
  id: string;
  type: PulseEvent['type'];
  ts: number;
  visitor: string;
  session: string;
  user: string | null;
  path: string;
  url: string;
  device: string;
  survey: string | null;
  response: string | null;
  question: string | null;
  kind: string | null;
  /** A number answer's or a web vital's value. */
  value: number | null;
  text: string | null;
  target: string | null;
  label: string | null;
  data: string | null;
}

/** Fields stored in their own columns. */
const COLUMNS = new Set([
  'id',
  'type',
  'ts',
  'visitor',
  'session',
  'user',
  'url',
  'device',
  'survey',
  'response',
  'question',
  'kind',
  'value',
  'target',
  'label',
]);
/** Other fields that hold URLs, scrubbed as such. */
const URL_FIELDS = new Set(['referrer', 'to', 'file']);
/** Other fields that are enums or ids, never free text. */
const VERBATIM = new Set([
  'name',
  'metric',
  'count',
  'fields',
  'duration',
  'changes',
  'line',
  'col',
  'rejection',
  'locale',
  'visits',
]);
/** Client clocks drift; a capture time further than this from the receive time is replaced by the latter. */
const MAX_SKEW_PAST = 8 * 864e5;
const MAX_SKEW_FUTURE = 5 * 6e4;

const scrubDeep = (value: unknown): unknown => {
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrubDeep(inner)]));
  return value;
};

/**
 * The keys the error rollups group by, added to a JavaScript error (`fingerprint`, `messageKey`) and an error click
 * (`messageKey`), from the scrubbed message.
 */
const withErrorKeys = async (event: PulseEvent, rest: Record<string, unknown>) => {
  if (event.type !== 'js_error' && event.type !== 'error_click') return rest;
  const message = String(rest.message ?? '');
  const keys = { messageKey: await messageKey(message) };
  return event.type === 'js_error'
    ? { ...rest, ...keys, fingerprint: await errorFingerprint(message, rest.file as string | undefined) }
    : { ...rest, ...keys };
};

/**
 * Turns a validated event into its stored form: PII scrubbed from every free-text field and from URLs, a user id
 * that holds PII replaced by its pseudonym, the path normalised (`/orders/:id`), and a capture time outside the
 * plausible window replaced by the receive time.
 */
export const normalize = async (event: PulseEvent, received: number): Promise<StoredEvent> => {
  const record = event as unknown as Record<string, unknown>;
  const url = scrubUrl(event.url);
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (COLUMNS.has(key)) continue;
    rest[key] = URL_FIELDS.has(key) ? scrubUrl(String(value)) : VERBATIM.has(key) ? value : scrubDeep(value);
  }
  // A survey event's locale, visits and traits are kept as the segments the rollups key by; an `identify` keeps its
  // traits as sent.
  if ('survey' in event) {
    const segments = segmentsOf(rest as ShowingSegment);
    delete rest.locale;
    delete rest.visits;
    delete rest.traits;
    if (segments) rest.segments = segments;
  }
  const value = 'value' in event ? event.value : undefined;
  const textValue =
    typeof value === 'string' ? scrubText(value) : Array.isArray(value) ? JSON.stringify(value.map(scrubText)) : null;
  const skewed = event.ts < received - MAX_SKEW_PAST || event.ts > received + MAX_SKEW_FUTURE;
  return {
    id: event.id,
    type: event.type,
    ts: skewed ? received : event.ts,
    visitor: event.visitor,
    session: event.session,
    user: event.user === undefined ? null : await userKey(event.user),
    path: normalizePath(url),
    url,
    device: event.device,
    survey: 'survey' in event ? event.survey : null,
    response: 'response' in event ? event.response : null,
    question: 'question' in event ? (event.question ?? null) : null,
    kind: 'kind' in event ? event.kind : null,
    value: typeof value === 'number' ? value : null,
    text: textValue,
    target: 'target' in event && event.target !== undefined ? scrubText(event.target) : null,
    label: 'label' in event && event.label !== undefined ? scrubText(event.label) : null,
    data: Object.keys(rest).length ? JSON.stringify(await withErrorKeys(event, rest)) : null,
  };
};
