import { elementOf } from '../lib/elementOf';
import { listen } from '../lib/listen';
import { selector } from '../lib/selector';
import { uuid7 } from '../lib/uuid7';
import type { FormAbandonEvent, FormSubmitEvent } from '../protocol';
import { currentUrl, onPageview } from './onPageview';
import type { Report, Signal } from './types';

/** Where a page keeps the abandons it reported while unloading, for the next page of the tab to report again. */
const KEY = 'pulse:left';

/**
 * Reports every form whose fields the visitor changed but that was not submitted, when they leave the page
 * or the route, until `signal` aborts: the form's selector, how many fields they changed, the last one's
 * name (never a value) and the time since the first change. A changed form that is submitted is reported as
 * `form_submit` (selector, fields changed, time), so that the form stats know how many of those who started it
 * finished; a form submitted untouched is not reported.
 *
 * What a page reports while unloading may not be stored before it goes, so it also keeps those events in
 * sessionStorage, and the tab's next page reports them again under the same ids, through `later` once storage may
 * be touched: the collector stores each once.
 */
export const onFormAbandon = (
  report: Report<FormAbandonEvent | FormSubmitEvent>,
  later: (work: () => void) => void,
  signal: AbortSignal,
) => {
  /** Per form: when the first change was, the fields changed, and the last one's name. */
  let touched = new Map<HTMLFormElement, { _start: number; _fields: Set<Element>; _last?: string }>();
  let url = currentUrl();
  later(() => {
    for (const event of JSON.parse(sessionStorage.getItem(KEY) || '[]') as Signal<FormAbandonEvent>[]) report(event);
    sessionStorage.removeItem(KEY);
  });
  /** The visitor left the route (for `next`) or the page: every form still in `touched` was abandoned. */
  const leave = (next?: string) => {
    const now = Date.now();
    const left = [...touched].map(
      ([form, { _start, _fields, _last }]): Signal<FormAbandonEvent> => ({
        type: 'form_abandon',
        id: uuid7(now),
        ts: now,
        url,
        form: selector(form),
        fields: _fields.size,
        last: _last,
        duration: now - _start,
      }),
    );
    for (const event of left) report(event);
    if (!next && left.length) sessionStorage.setItem(KEY, JSON.stringify(left));
    touched = new Map();
    url = next ?? url;
  };
  listen(
    document,
    'input',
    (event) => {
      const field = elementOf(event) as HTMLInputElement | undefined;
      const form = field?.form;
      if (!form) return;
      const state = touched.get(form) ?? { _start: Date.now(), _fields: new Set() };
      touched.set(form, state);
      state._fields.add(field);
      state._last = field.name || field.id || undefined;
    },
    signal,
  );
  listen(
    document,
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement;
      const state = touched.get(form);
      if (!state) return;
      touched.delete(form);
      report({
        type: 'form_submit',
        url,
        form: selector(form),
        fields: state._fields.size,
        duration: Date.now() - state._start,
      });
    },
    signal,
  );
  listen(window, 'pagehide', () => leave(), signal);
  onPageview(leave, signal);
};
