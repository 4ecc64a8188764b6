import { describe, expect, it, vi } from 'vitest';
import { onFormAbandon } from '../../src/signals/onFormAbandon';
import { page, recorder, runDetector } from './helpers';

/** Types into a field as a visitor would: the value changes and an input event bubbles up. */
const type = (field: Element, value: string) => {
  (field as HTMLInputElement).value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
};

const CHECKOUT = `
  <form id="checkout">
    <input name="email" type="email"><input name="address"><input id="zip"><input type="checkbox" name="gift">
    <button>Pay</button>
  </form>
  <form class="newsletter"><input name="subscribe-email"></form>`;

/** Runs storage work at once, as a started client does. */
const now = (work: () => void) => work();

describe('onFormAbandon', () => {
  const { reported, stop } = runDetector(
    (report, signal) => onFormAbandon(report, now, signal),
    () => {
      sessionStorage.clear();
      history.replaceState(null, '', '/checkout');
    },
  );

  it('reports a touched, unsubmitted form when the page is left: fields, last field name, time; never a value', () => {
    const $ = page(CHECKOUT);
    type($('[name=email]'), 'ada@example.com');
    vi.advanceTimersByTime(4000);
    type($('[name=address]'), '1 Main St');
    type($('[name=email]'), 'ada@example.org');
    type($('#zip'), '10115');
    vi.advanceTimersByTime(2000);
    window.dispatchEvent(new Event('pagehide'));
    expect(reported).toEqual([
      {
        type: 'form_abandon',
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        ts: Date.now(),
        url: '/checkout',
        form: '#checkout',
        fields: 3,
        last: 'zip',
        duration: 6000,
      },
    ]);
    expect(JSON.stringify(reported)).not.toMatch(/ada@|Main St|10115/);
    expect(sessionStorage.getItem('pulse:left')).not.toMatch(/ada@|Main St|10115/);
  });

  it('reports a touched form that is submitted as form_submit, not abandoned, and an untouched one not at all', () => {
    const $ = page(CHECKOUT);
    type($('[name=email]'), 'ada@example.com');
    vi.advanceTimersByTime(1500);
    type($('[name=address]'), '1 Main St');
    $('#checkout').dispatchEvent(new Event('submit', { bubbles: true }));
    $('form.newsletter').dispatchEvent(new Event('submit', { bubbles: true }));
    window.dispatchEvent(new Event('pagehide'));
    expect(reported).toEqual([{ type: 'form_submit', url: '/checkout', form: '#checkout', fields: 2, duration: 1500 }]);
    expect(JSON.stringify(reported)).not.toMatch(/ada@|Main St/);
  });

  it('reports on a route change, under the route the form was on, and each form once', () => {
    const $ = page(CHECKOUT);
    type($('[name=subscribe-email]'), 'x');
    history.pushState(null, '', '/thanks');
    window.dispatchEvent(new Event('pagehide'));
    expect(reported).toEqual([
      expect.objectContaining({
        type: 'form_abandon',
        url: '/checkout',
        form: 'form.newsletter',
        fields: 1,
        last: 'subscribe-email',
        duration: 0,
      }),
    ]);
    // A route change leaves nothing for the next page to report again.
    expect(sessionStorage.getItem('pulse:left')).toBeNull();
  });

  it("reports again, under the same id, what the tab's previous page reported while unloading", () => {
    const $ = page(CHECKOUT);
    type($('[name=email]'), 'ada@example.com');
    window.dispatchEvent(new Event('pagehide'));
    stop();
    const [left] = reported;
    // The next page of the tab.
    history.replaceState(null, '', '/shop');
    const lifetime = new AbortController();
    const next = recorder();
    onFormAbandon(next.report, now, lifetime.signal);
    lifetime.abort();
    expect(next.reported).toEqual([left]);
    expect(sessionStorage.getItem('pulse:left')).toBeNull();
  });

  it('ignores forms inside data-pulse-ignore', () => {
    const $ = page('<div data-pulse-ignore><form><input name="q"></form></div>');
    type($('[name=q]'), 'secret');
    window.dispatchEvent(new Event('pagehide'));
    expect(reported).toEqual([]);
  });
});
