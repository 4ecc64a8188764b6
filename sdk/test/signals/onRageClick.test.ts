import { describe, expect, it, vi } from 'vitest';
import { onRageClick, RageClickThresholds } from '../../src/signals/onRageClick';
import { click, fakeTime, page, recorder, runDetector } from './helpers';

describe('onRageClick', () => {
  const { reported, stop } = runDetector(
    (report, signal) => onRageClick(report, { ...RageClickThresholds }, signal),
    () => getSelection()?.removeAllRanges(),
  );

  const burst = (element: Element, times: number, gap = 200, step = 5) => {
    for (let i = 0; i < times; i++) {
      click(element, 100 + i * step, 100);
      vi.advanceTimersByTime(gap);
    }
  };

  it('reports one event per burst, with its count, once the burst is over', () => {
    const $ = page('<main><button id="pay" class="btn primary">Pay   now</button></main>');
    burst($('#pay'), 5);
    expect(reported).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(reported).toEqual([{ type: 'rage_click', count: 5, target: '#pay', label: 'Pay now' }]);
  });

  it('needs three clicks: two are not rage', () => {
    const $ = page('<button id="b">Go</button>');
    burst($('#b'), 2);
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([]);
  });

  it('splits bursts on a pause over 1000 ms or a jump over 30 px (Manhattan)', () => {
    const $ = page('<div class="card"><span>Text</span></div>');
    const span = $('span');
    click(span, 0, 0);
    vi.advanceTimersByTime(900);
    click(span, 0, 0);
    vi.advanceTimersByTime(1001);
    click(span, 0, 0);
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([]);
    click(span, 0, 0);
    click(span, 20, 10);
    click(span, 40, 21);
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([]);
    click(span, 0, 0);
    click(span, 15, 15);
    click(span, 30, 30);
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([{ type: 'rage_click', count: 3, target: 'div.card>span' }]);
  });

  it('ignores form fields, number steppers and pagination-like labels', () => {
    const $ = page(`
      <input id="qty" type="number"><select id="s"></select><textarea id="t"></textarea>
      <div role="spinbutton" id="spin">1</div>
      <button id="next">Next ›</button><button id="prev">‹ Prev</button><button id="back">‹</button>
      <a id="plus" href="#">+</a><button id="minus" aria-label="−"></button><button id="p2">2</button>`);
    for (const id of ['qty', 's', 't', 'spin', 'next', 'prev', 'back', 'plus', 'minus', 'p2']) {
      burst($(`#${id}`), 4, 100, 0);
      vi.advanceTimersByTime(2000);
    }
    expect(reported).toEqual([]);
  });

  it('ignores double and triple clicks that select text', () => {
    const $ = page('<p id="para">Some words to select</p>');
    const para = $('#para');
    burst(para, 3, 100, 0);
    const range = document.createRange();
    range.selectNodeContents(para);
    getSelection()!.addRange(range);
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([]);
  });

  it('still reports labels that only look like symbols, such as a close button', () => {
    const $ = page('<button id="close">×</button>');
    burst($('#close'), 3);
    vi.advanceTimersByTime(1000);
    expect(reported).toEqual([{ type: 'rage_click', count: 3, target: '#close', label: '×' }]);
  });

  it('ignores a data-pulse-ignore subtree', () => {
    const $ = page('<div data-pulse-ignore><button id="a">A</button></div><button id="b">B</button>');
    burst($('#a'), 5);
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([]);
  });

  it('stops when its signal aborts', () => {
    const $ = page('<button id="b">B</button>');
    stop();
    burst($('#b'), 5);
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([]);
  });
});

describe('onRageClick thresholds', () => {
  it('reads overrides live', () => {
    fakeTime();
    const lifetime = new AbortController();
    const { reported, report } = recorder();
    const thresholds = { ...RageClickThresholds };
    onRageClick(report, thresholds, lifetime.signal);
    const $ = page('<button id="b">B</button>');
    thresholds.clicks = 5;
    for (let i = 0; i < 4; i++) click($('#b'));
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([]);
    for (let i = 0; i < 5; i++) click($('#b'));
    vi.advanceTimersByTime(2000);
    expect(reported).toEqual([{ type: 'rage_click', count: 5, target: '#b', label: 'B' }]);
    lifetime.abort();
    vi.useRealTimers();
  });
});
