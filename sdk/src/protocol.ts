/**
 * The Pulse wire protocol, defined once.
 *
 * The SDK builds these shapes and the collector validates them with a schema whose
 * inferred type is checked against the types here at compile time, so the two cannot drift.
 * Every field is documented in the README's "Wire protocol" section.
 */

/** Device class, from the viewport width and the primary pointer. */
export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/** Fields every event carries. */
export interface EventBase {
  /** UUIDv7 assigned at capture; kept across every retry; the collector's idempotency key. */
  id: string;
  /** Capture time, milliseconds since the Unix epoch. */
  ts: number;
  /** Anonymous, first-party visitor id. */
  visitor: string;
  /** Session id; a new one starts after 30 minutes of inactivity. */
  session: string;
  /** Page path and query at capture time (never the origin or the fragment). */
  url: string;
  /** Device class at capture time. */
  device: DeviceClass;
  /** The id given to `identify`, if any. */
  user?: string;
}

/** A page view or SPA route change: the denominator of every rate. */
export interface PageviewEvent extends EventBase {
  type: 'pageview';
  /** The referring URL's origin and path, when it is another site. */
  referrer?: string;
}

/** A custom event sent with `track(name, props)`. */
export interface TrackEvent extends EventBase {
  type: 'track';
  name: string;
  props?: Record<string, string | number | boolean | null>;
}

/** `identify(userId, traits)`. */
export interface IdentifyEvent extends EventBase {
  type: 'identify';
  traits?: Record<string, string | number | boolean | null>;
}

/** The kinds of question a survey can ask. */
export type QuestionKind = 'nps' | 'csat' | 'ces' | 'rating' | 'single' | 'multi' | 'text';

/** Fields of every survey event. */
export interface SurveyEventBase extends EventBase {
  /** Survey id. */
  survey: string;
  /** One id per showing of a survey; groups a score with its follow-up. */
  response: string;
  /** For a showing raised by a rage, dead or error click: that element's selector (see `ElementTarget`). */
  target?: string;
  /** The visitor's locale at the showing (`de-DE`), which the survey was shown in. */
  locale?: string;
  /** The visitor's visit count at the showing: 1 is a new visitor, more a returning one. */
  visits?: number;
  /** The `identify` traits under the site's segment keys (`SiteConfig.segments`), as strings of at most 64. */
  traits?: Record<string, string>;
}

/** A survey was shown to the visitor. */
export interface SurveyShownEvent extends SurveyEventBase {
  type: 'survey_shown';
}

/** One answered question. Scores are numbers, choices are strings, multi-choice is a list. */
export interface SurveyAnswerEvent extends SurveyEventBase {
  type: 'survey_answer';
  question: string;
  kind: QuestionKind;
  value: number | string | string[];
}

/** The visitor reached the end of a survey (its thanks): the response is complete. */
export interface SurveyCompletedEvent extends SurveyEventBase {
  type: 'survey_completed';
}

/** The visitor closed a survey without finishing it. Never counted as an answer. */
export interface SurveyDismissedEvent extends SurveyEventBase {
  type: 'survey_dismissed';
  /** The question on screen when the survey was closed. */
  question?: string;
}

/** The element a friction signal happened on. */
export interface ElementTarget {
  /** A short, stable CSS selector (id, data-testid or tag.class path, depth ≤ 5). */
  target: string;
  /** Visible label of a button or link, cut to 40 characters. */
  label?: string;
}

/** A burst of clicks on the same spot. */
export interface RageClickEvent extends EventBase, ElementTarget {
  type: 'rage_click';
  count: number;
}

/** A click on something interactive that did nothing. */
export interface DeadClickEvent extends EventBase, ElementTarget {
  type: 'dead_click';
}

/** A click followed by an uncaught error. */
export interface ErrorClickEvent extends EventBase, ElementTarget {
  type: 'error_click';
  message: string;
}

/** An uncaught error or unhandled rejection. */
export interface JsErrorEvent extends EventBase {
  type: 'js_error';
  message: string;
  /** Script URL; the collector drops its query string and fragment, which may carry tokens. */
  file?: string;
  line?: number;
  col?: number;
  /** Top stack frames, newest first (the collector drops the query strings of their URLs). */
  stack?: string[];
  rejection?: boolean;
}

/** A form the visitor touched and left without submitting. */
export interface FormAbandonEvent extends EventBase {
  type: 'form_abandon';
  /** Selector of the form. */
  form: string;
  /** Number of fields touched. */
  fields: number;
  /** Name (never value) of the last field touched. */
  last?: string;
  /** Time from the first touch to leaving, ms. */
  duration: number;
}

/** A form the visitor touched and then submitted: with `form_abandon`, what the form stats divide by. */
export interface FormSubmitEvent extends EventBase {
  type: 'form_submit';
  /** Selector of the form. */
  form: string;
  /** Number of fields touched. */
  fields: number;
  /** Time from the first touch to the submission, ms. */
  duration: number;
}

/** The visitor left a page and came back within a few seconds. */
export interface QuickBackEvent extends EventBase {
  type: 'quick_back';
  /** The URL visited in between. */
  to: string;
  duration: number;
}

/** Scrolling back and forth, as when looking for something. */
export interface ExcessiveScrollEvent extends EventBase {
  type: 'excessive_scroll';
  /** Changes of direction in the window. */
  changes: number;
}

/** Names of the web vitals Pulse records. */
export type VitalName = 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB';

/** A web-vitals measurement; the collector keeps the last value per metric id. */
export interface VitalEvent extends EventBase {
  type: 'vital';
  name: VitalName;
  value: number;
  /** web-vitals' own metric id: one record per id. */
  metric: string;
  /** Selector of the attribution target, when there is one. */
  target?: string;
}

/** Every event the SDK sends. */
export type PulseEvent =
  | PageviewEvent
  | TrackEvent
  | IdentifyEvent
  | SurveyShownEvent
  | SurveyAnswerEvent
  | SurveyCompletedEvent
  | SurveyDismissedEvent
  | RageClickEvent
  | DeadClickEvent
  | ErrorClickEvent
  | JsErrorEvent
  | FormAbandonEvent
  | FormSubmitEvent
  | QuickBackEvent
  | ExcessiveScrollEvent
  | VitalEvent;

/** The `type` of every event. */
export type EventType = PulseEvent['type'];

/** The body of `POST /v1/events`, sent as `text/plain` JSON so no preflight is needed. */
export interface EventBatch {
  /** The site's public write key. */
  site: string;
  events: PulseEvent[];
  /**
   * Events the SDK lost before they could be stored: dropped on overflow, expired after 7 days, or refused for good by
   * a 4xx. Counted since the last batch carrying a count was accepted.
   */
  dropped?: number;
}

/** The answer to `POST /v1/events` (status 202). */
export interface IngestResult {
  /** Events stored or already stored (a retry of a stored event counts as accepted). */
  accepted: number;
  /** Events refused for good, by their index in the batch. */
  rejected: { index: number; reason: string }[];
}

/** Text in one language, or per locale (`{ en: '…', de: '…' }`, falling back to `en`). */
export type LocalizedText = string | Record<string, string>;

/** A follow-up or branch chosen by the score just given (bounds inclusive). */
export interface ScoreRange {
  min?: number;
  max?: number;
}

/** Fields every question has. */
export interface QuestionBase {
  id: string;
  text: LocalizedText;
  /** Skip to another question (or `end`) after this one, depending on the score. */
  branch?: (ScoreRange & { goto: string })[];
}

/** Fields of the score questions. */
export interface ScoreQuestionBase extends QuestionBase {
  /** A text question asked after the score; the first range that matches it wins. */
  followUp?: (ScoreRange & { text: LocalizedText })[];
}

/** Net Promoter Score, 0–10. */
export interface NpsQuestion extends ScoreQuestionBase {
  type: 'nps';
}

/** Customer satisfaction, 1–5, shown as faces (default) or stars. */
export interface CsatQuestion extends ScoreQuestionBase {
  type: 'csat';
  style?: 'faces' | 'stars';
}

/** Customer effort, 1–7. */
export interface CesQuestion extends ScoreQuestionBase {
  type: 'ces';
}

/** A rating from 1 to `scale` (3–10). */
export interface RatingQuestion extends ScoreQuestionBase {
  type: 'rating';
  scale: number;
}

/** One or several choices among options; the answer is the English (or first) text of each chosen option. */
export interface ChoiceQuestion extends QuestionBase {
  type: 'single' | 'multi';
  options: LocalizedText[];
}

/** Free text. */
export interface TextQuestion extends QuestionBase {
  type: 'text';
  placeholder?: LocalizedText;
}

/** Every question type. */
export type Question = NpsQuestion | CsatQuestion | CesQuestion | RatingQuestion | ChoiceQuestion | TextQuestion;

/** How a URL rule matches the page path. */
export type UrlMatch = 'exact' | 'prefix' | 'contains' | 'glob';

/** A test of the page path (`glob`: `*` is any run of characters but `/`, `**` any run at all). */
export interface UrlRule {
  match: UrlMatch;
  value: string;
}

/** The friction signals a survey can follow ("Something not working?"). */
export type FrictionSignal =
  | RageClickEvent['type']
  | DeadClickEvent['type']
  | ErrorClickEvent['type']
  | JsErrorEvent['type']
  | FormAbandonEvent['type']
  | QuickBackEvent['type']
  | ExcessiveScrollEvent['type'];

/** One key per friction signal: the compiler refuses a missing or unknown one. */
const SIGNAL_KEYS: Record<FrictionSignal, 0> = {
  rage_click: 0,
  dead_click: 0,
  error_click: 0,
  js_error: 0,
  form_abandon: 0,
  quick_back: 0,
  excessive_scroll: 0,
};

/** Every friction signal, in the order the stats list them: the runtime list of `FrictionSignal`. */
export const FRICTION_SIGNALS = Object.keys(SIGNAL_KEYS) as FrictionSignal[];

/**
 * What makes a survey show. `pageview`: on each page view or route change; `delay`: seconds after one;
 * `scroll`: once the page is scrolled to `percent` of its height; `exit_intent`: the pointer leaves through
 * the top of the window (desktop); `event`: a `track(name)` call; `click`: a click on an element matching
 * `selector`; `visit`: page views from the visitor's `count`-th visit on; `friction`: right after one of
 * `signals` (default: any) on this page; `manual`: only through `show(id)`.
 */
export type Trigger =
  | { on: 'pageview' }
  | { on: 'delay'; seconds: number }
  | { on: 'scroll'; percent: number }
  | { on: 'exit_intent' }
  | { on: 'event'; name: string }
  | { on: 'click'; selector: string }
  | { on: 'visit'; count: number }
  | { on: 'friction'; signals?: FrictionSignal[] }
  | { on: 'manual' };

/** Who may see a survey. */
export interface Targeting {
  /** Every listed trait must equal the value given to `identify`. */
  traits?: Record<string, string | number | boolean>;
  devices?: DeviceClass[];
  /** Locale prefixes, such as `de` or `pt-BR`. */
  locales?: string[];
  visitor?: 'new' | 'returning';
}

/** How often a survey may show to one visitor. */
export interface Throttle {
  /** `once`, `until_answered`, or again every `days` days. */
  repeat?: 'once' | 'until_answered' | { days: number };
  /** Days before a dismissed survey may show again (default 30). */
  dismissCooldownDays?: number;
}

/** A survey as the collector serves it. */
export interface SurveyDefinition {
  id: string;
  name?: string;
  questions: Question[];
  /** Any one of these shows the survey. */
  triggers: Trigger[];
  /** Pages the survey may show on, whatever the trigger: any rule that matches (default: every page). */
  url?: UrlRule[];
  targeting?: Targeting;
  throttle?: Throttle;
  /** Share of visitors who may see it, 0–1 (sticky per visitor). */
  sample?: number;
  /** Where it renders: a floating card (default), inline into a selector, or behind a "Feedback" tab. */
  display?: { mode: 'card' | 'inline' | 'tab'; into?: string; label?: LocalizedText };
  /** Text of the thank-you step. */
  thanks?: LocalizedText;
}

/** Friction thresholds; every one has a published default and can be overridden per site. */
export interface Thresholds {
  rageClick: { clicks: number; radius: number; interval: number };
  deadClick: { wait: number };
  errorClick: { wait: number };
  jsError: { maxPerMessage: number };
  quickBack: { within: number };
  excessiveScroll: { changes: number; within: number };
  session: { idleMinutes: number };
  /** Days between any two prompts, across surveys. */
  globalCooldownDays: number;
}

/** The body of `GET /v1/sites/:site/config`. */
export interface SiteConfig {
  surveys: SurveyDefinition[];
  /** The survey a preview link shows at once, where the page was opened with one (`?pulse-preview=`). */
  preview?: SurveyDefinition;
  thresholds: {
    [K in keyof Thresholds]?: Thresholds[K] extends object ? Partial<Thresholds[K]> : Thresholds[K];
  };
  /** The trait keys (at most 5) the site breaks its scores down by: survey events carry those traits. */
  segments?: string[];
}
