import { listen } from '../lib/listen';
import { selector } from '../lib/selector';
import { targetOf } from '../lib/targetOf';
import type { FormAbandonEvent } from '../protocol';
import { currentUrl, onPageview } from './onPageview';
import type { Report } from './types';

/**
 * Reports every form whose fields the visitor changed but that was not submitted, when they leave the page
 * or the route, until `signal` aborts: the form's selector, how many fields they changed, the last one's
 * name (never a value) and the time since the first change.
 */
export const onFormAbandon = (report: Report<FormAbandonEvent>, signal: AbortSignal) => {
  /** Per form: when the first change was, the fields changed, and the last one's name. */
  let touched = new Map<HTMLFormElement, { _start: number; _fields: Set<Element>; _last?: string }>();
  let url = currentUrl();
  /** The visitor left the page (or the route, for `next`): every form still in `touched` was abandoned. */
  const leave = (next = url) => {
    for (const [form, { _start, _fields, _last }] of touched)
      report({
        type: 'form_abandon',
        url,
        form: selector(form),
        fields: _fields.size,
        last: _last,
        duration: Date.now() - _start,
      });
    touched = new Map();
    url = next;
  };
  listen(
    document,
    'input',
    (event) => {
      const field = targetOf(event) as HTMLInputElement | undefined;
      const form = field?.form;
      if (!form) return;
      const state = touched.get(form) ?? { _start: Date.now(), _fields: new Set() };
      touched.set(form, state);
      state._fields.add(field);
      state._last = field.name || field.id || undefined;
    },
    signal,
  );
  listen(document, 'submit', (event) => touched.delete(event.target as HTMLFormElement), signal);
  listen(window, 'pagehide', () => leave(), signal);
  listen(signal, 'abort', onPageview(leave));
};
