import { describe, expect, it, vi } from 'vitest';
import { ErrorClickThresholds, onErrorClick } from '../../src/signals/onErrorClick';
import { JsErrorThresholds, onJsError } from '../../src/signals/onJsError';
import { click, page, runDetector } from './helpers';

/** An uncaught error as the browser reports it to window. */
const uncaught = (message: string, error?: Error) =>
  window.dispatchEvent(
    new ErrorEvent('error', {
      message,
      filename: 'https://shop.test/app.js?v=3&token=secret',
      lineno: 12,
      colno: 7,
      error,
    }),
  );

/** An unhandled rejection as the browser reports it to window. */
const rejected = (reason: unknown) => {
  const event = new Event('unhandledrejection') as Event & { reason: unknown };
  event.reason = reason;
  window.dispatchEvent(event);
};

describe('onJsError', () => {
  const { reported } = runDetector((report, signal) => onJsError(report, { ...JsErrorThresholds }, signal));

  it('reports message, file, line, column and the top five frames', () => {
    const error = new Error('boom');
    error.stack = [
      'Error: boom',
      ...Array.from({ length: 7 }, (_, i) => `    at f${i} (https://shop.test/app.js?v=3:${i + 1}:2)`),
    ].join('\n');
    uncaught('Uncaught Error: boom', error);
    expect(reported).toEqual([
      {
        type: 'js_error',
        message: 'Uncaught Error: boom',
        file: 'https://shop.test/app.js?v=3&token=secret',
        line: 12,
        col: 7,
        stack: Array.from({ length: 5 }, (_, i) => `    at f${i} (https://shop.test/app.js?v=3:${i + 1}:2)`),
        rejection: false,
      },
    ]);
  });

  it('reports unhandled rejections, of errors and of anything else', () => {
    rejected(new TypeError('failed to fetch'));
    rejected('plain reason');
    expect(reported.map((event) => event.type === 'js_error' && [event.message, event.rejection])).toEqual([
      ['failed to fetch', true],
      ['plain reason', true],
    ]);
  });

  it('reports at most five of the same message per page, however many happen', () => {
    for (let i = 0; i < 8; i++) uncaught('Same');
    uncaught('Other');
    expect(reported.map((event) => event.type === 'js_error' && event.message)).toEqual([
      ...Array(5).fill('Same'),
      'Other',
    ]);
  });

  it('ignores failed image loads, which reach window as plain events', () => {
    window.dispatchEvent(new Event('error'));
    expect(reported).toEqual([]);
  });
});

describe('onErrorClick', () => {
  const { reported } = runDetector((report, signal) => onErrorClick(report, { ...ErrorClickThresholds }, signal));

  it('reports a click followed within 1000 ms by an error, once, on the button clicked', () => {
    const $ = page('<form class="checkout"><button type="button"><span>Place order</span></button></form>');
    click($('span'));
    vi.advanceTimersByTime(1000);
    uncaught('Uncaught TypeError: x is undefined');
    uncaught('Uncaught TypeError: y is undefined');
    expect(reported).toEqual([
      {
        type: 'error_click',
        message: 'Uncaught TypeError: x is undefined',
        target: 'form.checkout>button',
        label: 'Place order',
      },
    ]);
  });

  it('does not link an error more than 1000 ms after the click, nor one without a click', () => {
    const $ = page('<button id="b">Go</button>');
    uncaught('before any click');
    click($('#b'));
    vi.advanceTimersByTime(1001);
    rejected(new Error('late'));
    expect(reported).toEqual([]);
  });

  it('links an unhandled rejection too', () => {
    const $ = page('<button id="b">Go</button>');
    click($('#b'));
    rejected(new Error('async failure'));
    expect(reported).toEqual([{ type: 'error_click', message: 'async failure', target: '#b', label: 'Go' }]);
  });
});
