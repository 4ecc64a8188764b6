import type { ElementTarget } from '../protocol';
import { CONTROL } from './control';
import { selector } from './selector';

/**
 * How a friction event names its element: a short selector and, for buttons and links only, the visible
 * label (or `aria-label`) cut to 40 characters. Inside `data-pulse-mask` the label is left out.
 */
export const elementTarget = (element: Element): ElementTarget => ({
  target: selector(element),
  label:
    element.matches(CONTROL) && !element.closest('[data-pulse-mask]')
      ? // biome-ignore lint/performance/useDomNodeTextContent: the visible label is wanted, without hidden text.
        ((element as HTMLElement).innerText || element.getAttribute('aria-label') || '')
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 40) || undefined
      : undefined,
});
