import { device } from '../lib/device';
import { listen } from '../lib/listen';
import { FRICTION_SIGNALS, type SurveyDefinition, type Thresholds, type Trigger } from '../protocol';
import { readHistory } from './history';
import { type Audience, type Blocked, isEligible, whyNot } from './isEligible';

/** How the engine asks the client to render a survey. */
export interface PresentOptions {
  /** A selector to render into, instead of floating. */
  into?: string;
  /** The visitor asked for it: focus moves in. */
  opened?: boolean;
  /** Render the persistent "Feedback" tab that opens the survey (once per page: the widget ignores a second). */
  tab?: boolean;
  /** Called each time the survey has left the screen. */
  closed?(): void;
  /** The selector of the element whose friction signal raised the survey: its events carry it. */
  target?: string;
}

/** How the client renders a survey; resolves once it is on screen, or false when it could not show. */
export type Present = (survey: SurveyDefinition, options: PresentOptions) => Promise<boolean>;

/** Decides which survey shows when. */
export interface Surveys {
  /** Replaces the survey definitions (from the site config, or none when it could not load). */
  update(surveys: SurveyDefinition[]): void;
  /** A page view or route change happened: a new page allows a new prompt, and every trigger starts over. */
  pageview(): void;
  /** Sees every captured event: `track` events and friction signals fire the triggers that wait for them. */
  observe(event: { type: string; name?: string; target?: string }): void;
  /** Shows a survey the site asked for by id, whatever its triggers and throttles, once the config is in. */
  show(id: string, into?: string): Promise<boolean>;
}

/**
 * A survey decision, for debug mode: the rule that kept it hidden, or that it waits for its triggers, showed, found
 * this page view's one automatic prompt used, was dropped because the visitor typed until the page view changed,
 * could not show (another survey on screen, no consent, no element to render into), or is a tab the visitor opens.
 */
export type Decision = Blocked | { rule: 'waits' | 'shown' | 'page' | 'moved' | 'unshown' | 'tab' };

/**
 * Hears each survey decision (debug mode): at every page view, and each time one of its triggers fires. The
 * decision comes as a function, so that nothing is worked out for a listener that ignores it.
 */
export type Note = (survey: SurveyDefinition, decision: () => Decision, trigger?: Trigger) => void;

/** Whether the visitor is typing in a field of the page: a text input, a text area, a select or an editable element. */
const typing = () => {
  const field = document.activeElement as HTMLInputElement | null;
  return (
    !!field &&
    (field.isContentEditable ||
      field.tagName === 'TEXTAREA' ||
      field.tagName === 'SELECT' ||
      (field.tagName === 'INPUT' && !/^(button|submit|reset|checkbox|radio|range|color|file|image)$/.test(field.type)))
  );
};

/** Resolves once the visitor is not typing in a field of the page (at once if they are not), unless `signal` aborts. */
const notTyping = (signal: AbortSignal) =>
  new Promise<void>((done) => {
    const check = () =>
      typing()
        ? // Focus has not moved yet when `focusout` fires: look again in the next task.
          document.addEventListener('focusout', () => setTimeout(check), { once: true, signal })
        : done();
    check();
  });

/**
 * Creates the survey engine. When a trigger fires, the first survey it belongs to that may show to this
 * visitor here and now (`isEligible`) is presented: at most one automatic prompt per page view, and one at a time.
 * Each trigger fires at most once per page view, and an automatic prompt waits while the visitor types in a field of
 * the page, until they leave it (on that page view only). A survey with `display.mode: 'tab'` gets its "Feedback" tab
 * instead, wherever its URL rules, targeting and sampling allow, since the visitor opens it; throttles do not apply.
 * What it needs from the client: `audience` tells who is looking, and where, right now; `thresholds` holds the
 * global cool-down (days between any two prompts), read at each prompt; `present` renders a survey; `note` hears
 * every decision and its reason (debug mode). Its listeners and timers stop when `signal` aborts.
 */
export const createSurveys = (
  audience: () => Audience,
  thresholds: Pick<Thresholds, 'globalCooldownDays'>,
  render: Present,
  signal: AbortSignal,
  note: Note = () => undefined,
): Surveys => {
  let definitions: SurveyDefinition[] = [];
  let promptedThisPage = false;
  let busy = false;
  let pageStart = Date.now();
  // Page views so far: a prompt that waited tells by it whether the page view it was for is still the current one.
  let views = 0;
  let fired = new Set<Trigger>();
  let timers: ReturnType<typeof setTimeout>[] = [];
  let loaded: () => void;
  // `show` may be called (through the stub queue) before the config arrives: it waits for it.
  const ready = new Promise<void>((resolve) => (loaded = resolve));

  const present = async (survey: SurveyDefinition, into: string | undefined, opened: boolean, target?: string) => {
    if (busy) return false;
    busy = true;
    // Stays busy while the survey is on screen, so that no second one opens over it.
    const shown = await render(survey, { into, opened, closed: () => (busy = false), target }).catch(() => false);
    busy &&= shown;
    return shown;
  };

  /** Fires the triggers that `matches`; `target` is the element of the friction signal that fired them, if any. */
  const fire = async (matches: (trigger: Trigger) => unknown, target?: string) => {
    try {
      // Each survey's first trigger that fires now; each fires once per page view.
      const due: [SurveyDefinition, Trigger][] = [];
      for (const survey of definitions) {
        const trigger = survey.triggers.find((candidate) => !fired.has(candidate) && matches(candidate));
        if (!trigger) continue;
        fired.add(trigger);
        due.push([survey, trigger]);
      }
      if (!due.length) return;
      const who = audience();
      const history = readHistory();
      const now = Date.now();
      for (const [survey, trigger] of due) {
        if (survey.display?.mode === 'tab') {
          // No history and no cool-down: throttles do not apply to a tab the visitor opens.
          if (isEligible(survey, who, { surveys: {} }, 0, now)) await render(survey, { tab: true });
          continue;
        }
        let blocked: Decision | undefined = promptedThisPage
          ? { rule: 'page' }
          : whyNot(survey, who, history, thresholds.globalCooldownDays, now);
        if (!blocked) {
          // Never while the visitor types in a field of the page: once they leave it, on this page view only.
          const view = views;
          await notTyping(signal);
          if (view !== views) blocked = { rule: 'moved' };
          else if (promptedThisPage) blocked = { rule: 'page' };
        }
        const shown = !blocked && (await present(survey, survey.display?.into, false, target));
        promptedThisPage ||= shown;
        note(survey, () => blocked ?? { rule: shown ? 'shown' : 'unshown' }, trigger);
      }
    } catch {
      // A bad selector or blocked storage: this trigger does nothing.
    }
  };

  const disarm = () => {
    for (const timer of timers) clearTimeout(timer);
    timers = [];
  };

  /** Starts the page's triggers over: page view and visit triggers now, delays from the page's start. */
  const arm = () => {
    disarm();
    for (const survey of definitions)
      note(survey, () =>
        survey.display?.mode === 'tab'
          ? { rule: 'tab' }
          : (whyNot(survey, audience(), readHistory(), thresholds.globalCooldownDays, Date.now()) ?? { rule: 'waits' }),
      );
    for (const survey of definitions)
      for (const trigger of survey.triggers)
        if (trigger.on === 'delay')
          timers.push(
            setTimeout(
              () => fire((candidate) => candidate === trigger),
              pageStart + trigger.seconds * 1e3 - Date.now(),
            ),
          );
    void fire((trigger) => trigger.on === 'pageview' || (trigger.on === 'visit' && audience().visits >= trigger.count));
  };

  listen(
    window,
    'scroll',
    () => {
      const depth = ((scrollY + innerHeight) * 100) / document.documentElement.scrollHeight;
      void fire((trigger) => trigger.on === 'scroll' && depth >= trigger.percent);
    },
    signal,
  );
  listen<MouseEvent>(
    document,
    'mouseout',
    ({ relatedTarget, clientY }) => {
      if (!relatedTarget && clientY < 1 && device() === 'desktop') void fire((trigger) => trigger.on === 'exit_intent');
    },
    signal,
  );
  listen(
    document,
    'click',
    ({ target }) => {
      void fire((trigger) => trigger.on === 'click' && (target as Element).closest?.(trigger.selector));
    },
    signal,
  );
  listen(signal, 'abort', disarm);

  return {
    update(surveys) {
      definitions = surveys;
      loaded();
      arm();
    },
    pageview() {
      views++;
      promptedThisPage = false;
      pageStart = Date.now();
      fired = new Set();
      arm();
    },
    observe({ type, name, target }) {
      void fire(
        (trigger) =>
          trigger.on === 'event'
            ? type === 'track' && trigger.name === name
            : trigger.on === 'friction' && ((trigger.signals ?? FRICTION_SIGNALS) as string[]).includes(type),
        target,
      );
    },
    async show(id, into) {
      await ready;
      const survey = definitions.find((candidate) => candidate.id === id);
      return !!survey && present(survey, into, true);
    },
  };
};
