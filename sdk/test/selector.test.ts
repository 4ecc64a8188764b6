import { describe, expect, it } from 'vitest';
import { elementOf } from '../src/lib/elementOf';
import { elementTarget } from '../src/lib/elementTarget';
import { selector } from '../src/lib/selector';

const build = (html: string) => {
  document.body.innerHTML = html;
  return (css: string) => document.querySelector(css)!;
};

describe('selector', () => {
  it('stops at the nearest id or data-testid', () => {
    const $ = build(`
      <div id="cart"><ul><li><button class="remove">x</button></li></ul></div>
      <section data-testid="hero"><a class="cta">Buy</a></section><p id=":r1:"><b>x</b></p>`);
    expect(selector($('#cart button'))).toBe('#cart>ul>li>button.remove');
    expect(selector($('#cart'))).toBe('#cart');
    expect(selector($('.cta'))).toBe('[data-testid="hero"]>a.cta');
    expect(selector($('b'))).toBe('p>b');
  });

  it('keeps at most five levels below body and two stable classes a level, leaving generated ones out', () => {
    const $ = build(
      '<main><div class="a"><div class="b"><div class="c"><div class="d"><span class="css-1k3n5m x y z">deep</span></div></div></div></div></main>',
    );
    expect(selector($('span'))).toBe('div.a>div.b>div.c>div.d>span.x.y');
    expect(selector(document.body)).toBe('body');
  });
});

describe('elementTarget', () => {
  it('labels buttons and links only, with the visible text cut to 40 characters', () => {
    const $ = build(`
      <button id="b">  Add
        to   cart </button><a id="a" href="/x">${'A very long link text that goes on and on and on'}</a>
      <div id="d">Some div text</div><button id="icon" aria-label="Close dialog"><svg></svg></button>`);
    expect(elementTarget($('#b'))).toEqual({ target: '#b', label: 'Add to cart' });
    expect(elementTarget($('#a'))).toEqual({ target: '#a', label: 'A very long link text that goes on and o' });
    expect(elementTarget($('#d'))).toEqual({ target: '#d', label: undefined });
    expect(elementTarget($('#icon'))).toEqual({ target: '#icon', label: 'Close dialog' });
  });

  it('masks the label inside data-pulse-mask', () => {
    const $ = build('<div data-pulse-mask><button id="b">Ada Lovelace</button></div>');
    expect(elementTarget($('#b'))).toEqual({ target: '#b', label: undefined });
  });
});

describe('elementOf', () => {
  it('attributes an event to the button or link it happened in, and ignores data-pulse-ignore and the survey', () => {
    const $ = build(`
      <button id="b"><span id="inner">Go</span></button><p id="p">x</p>
      <div data-pulse-ignore><button id="i">No</button></div><pulse-survey id="s"></pulse-survey>`);
    const on = (element: Element) => {
      let found: Element | undefined;
      element.addEventListener('click', (event) => (found = elementOf(event)));
      element.dispatchEvent(new MouseEvent('click'));
      return found;
    };
    expect(on($('#inner'))).toBe($('#b'));
    expect(on($('#p'))).toBe($('#p'));
    expect(on($('#i'))).toBeUndefined();
    expect(on($('#s'))).toBeUndefined();
  });
});
