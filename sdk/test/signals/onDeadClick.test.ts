import { describe, expect, it, vi } from 'vitest';
import { DeadClickThresholds, onDeadClick } from '../../src/signals/onDeadClick';
import { RageClickThresholds } from '../../src/signals/onRageClick';
import { click, page, runDetector } from './helpers';

/** A stand-in for the Resource Timing observer, so that a test can make requests happen. */
class FakeObserver {
  static current: FakeObserver | undefined;
  constructor(readonly callback: (list: { getEntries(): { name: string; startTime: number }[] }) => void) {
    FakeObserver.current = this;
  }
  observe() {}
  disconnect() {}
  /** A request to `name` started now. */
  static request(name: string) {
    const entry = { name, startTime: performance.now() };
    FakeObserver.current?.callback({ getEntries: () => [entry] });
  }
}

describe('onDeadClick', () => {
  const { reported } = runDetector(
    (report, signal) =>
      onDeadClick(report, { ...DeadClickThresholds }, { ...RageClickThresholds }, ['https://pulse.test/'], signal),
    () => {
      vi.stubGlobal('PerformanceObserver', FakeObserver);
      history.replaceState(null, '', '/shop');
    },
  );

  /** Builds the page and lets its own DOM changes pass, as they do before a visitor can click. */
  const build = async (html: string) => {
    const $ = page(html);
    await Promise.resolve();
    vi.advanceTimersByTime(50);
    return $;
  };

  /** Lets the MutationObserver's microtask run, then waits out the dead-click window. */
  const settle = async (ms = 2500) => {
    await Promise.resolve();
    vi.advanceTimersByTime(ms);
  };

  it('reports a button that does nothing for 2500 ms, with its selector and label', async () => {
    const $ = await build('<main><section class="promo"><button class="cta">Get 10 % off</button></section></main>');
    click($('button'));
    await settle(2499);
    expect(reported).toEqual([]);
    await settle(1);
    expect(reported).toEqual([{ type: 'dead_click', target: 'main>section.promo>button.cta', label: 'Get 10 % off' }]);
  });

  it('counts links, [role=button] and cursor: pointer as interactive, and nothing else', async () => {
    const $ = await build(`
      <a id="link">Docs</a><div role="button" id="role">Menu</div>
      <span id="pointer" style="cursor: pointer">Zoom</span><p id="text">Plain text</p>`);
    for (const id of ['link', 'role', 'pointer', 'text']) click($(`#${id}`));
    await settle();
    expect(reported).toEqual([
      { type: 'dead_click', target: '#link', label: 'Docs' },
      { type: 'dead_click', target: '#role', label: 'Menu' },
      { type: 'dead_click', target: '#pointer' },
    ]);
  });

  it('is no dead click when the DOM changes', async () => {
    const $ = await build('<button id="b">Open</button><div id="out"></div>');
    $('#b').addEventListener('click', () => setTimeout(() => $('#out').append('Opened'), 2000));
    click($('#b'));
    await settle(2000);
    await settle(500);
    expect(reported).toEqual([]);
  });

  it('is no dead click after a route change, a scroll, a selection or a focus change', async () => {
    const $ = await build('<button id="b">Go</button><input id="field"><p id="text">Some text</p>');
    const reactions = [
      () => history.pushState(null, '', '/shop/next'),
      () => window.dispatchEvent(new Event('scroll')),
      () => {
        const range = document.createRange();
        range.selectNodeContents($('#text'));
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        document.dispatchEvent(new Event('selectionchange'));
      },
      () => ($('#field') as HTMLInputElement).focus(),
    ];
    for (const reaction of reactions) {
      click($('#b'));
      vi.advanceTimersByTime(100);
      reaction();
      await settle();
      getSelection()!.removeAllRanges();
    }
    expect(reported).toEqual([]);
  });

  it("is no dead click after a network request, unless the request is Pulse's own", async () => {
    const $ = await build('<button id="b">Load more</button>');
    click($('#b'));
    vi.advanceTimersByTime(300);
    FakeObserver.request('https://shop.test/api/products?page=2');
    await settle();
    expect(reported).toEqual([]);
    click($('#b'));
    vi.advanceTimersByTime(300);
    FakeObserver.request('https://pulse.test/v1/events');
    await settle();
    expect(reported).toEqual([{ type: 'dead_click', target: '#b', label: 'Load more' }]);
  });

  it('is no dead click when the click leads to an error (that is an error click)', async () => {
    const $ = await build('<button id="b">Pay</button>');
    click($('#b'));
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom' }));
    await settle();
    expect(reported).toEqual([]);
  });

  it('never counts form fields or labels, nor an ignored subtree', async () => {
    const $ = await build(`
      <label id="l" style="cursor: pointer"><input id="c" type="checkbox" style="cursor: pointer"> Agree</label>
      <div data-pulse-ignore><button id="i">Hidden</button></div>`);
    for (const id of ['l', 'c', 'i']) click($(`#${id}`));
    await settle();
    expect(reported).toEqual([]);
  });

  it("is a dead click all the same when only Pulse's survey appears, changes, takes focus or closes", async () => {
    const $ = await build('<button id="b">Size guide</button>');
    const survey = document.createElement('pulse-survey');
    const root = survey.attachShadow({ mode: 'open' });
    click($('#b'));
    vi.advanceTimersByTime(200);
    document.body.append(survey);
    root.innerHTML = '<h2 tabindex="-1">Thank you for your feedback!</h2>';
    survey.style.setProperty('--kb', '0px');
    await Promise.resolve();
    (root.querySelector('h2') as HTMLElement).focus();
    vi.advanceTimersByTime(1000);
    survey.remove();
    (document.activeElement as HTMLElement | null)?.blur();
    await settle(1300);
    expect(reported).toEqual([{ type: 'dead_click', target: '#b', label: 'Size guide' }]);
  });

  it('reports a burst of clicks on one element (a rage click) as one dead click at most', async () => {
    const $ = await build('<button id="b">Size guide</button><button id="c">Other</button>');
    for (let n = 0; n < 4; n++) {
      click($('#b'));
      vi.advanceTimersByTime(300);
    }
    click($('#c'));
    await settle();
    await settle();
    expect(reported).toEqual([
      { type: 'dead_click', target: '#b', label: 'Size guide' },
      { type: 'dead_click', target: '#c', label: 'Other' },
    ]);
  });

  it('a mutation before the click does not count as its reaction', async () => {
    const $ = await build('<button id="b">Go</button>');
    $('#b').setAttribute('data-x', '1');
    await Promise.resolve();
    vi.advanceTimersByTime(10);
    click($('#b'));
    await settle();
    expect(reported).toEqual([{ type: 'dead_click', target: '#b', label: 'Go' }]);
  });
});
