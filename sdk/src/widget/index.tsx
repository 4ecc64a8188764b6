import { render } from 'preact';
import { Survey } from './Survey';
import { isRtl, localize, stringsFor } from './strings/index';
import { styles } from './styles';
import type { Mount } from './types';

/** Attaches the widget's styles: a constructable stylesheet (no CSP rule needed), else a `<style>` with the nonce. */
const adoptStyles = (root: ShadowRoot, nonce: string | undefined) => {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = styles;
    root.append(style);
  }
};

/** Surveys whose tab is on the page: a route change may ask for it again. */
const tabs = new Set<string>();

/**
 * Renders a survey in its own open shadow root, floating, inline, or behind a persistent "Feedback" tab;
 * returns the function that removes it. The floating card stays above the virtual keyboard: `--kb` is the
 * height the keyboard takes from the bottom of the layout viewport, from `visualViewport`.
 */
export const mount: Mount = (options) => {
  const { locale, tab, survey } = options;
  if (tab) {
    if (tabs.has(survey.id)) return () => undefined;
    tabs.add(survey.id);
  }
  const strings = stringsFor(locale);
  const host = document.createElement('pulse-survey');
  const root = host.attachShadow({ mode: 'open' });
  const viewport = visualViewport;
  let returnFocus: Element | null = null;
  let open = !tab;
  adoptStyles(root, options.nonce);
  if (options.into) host.setAttribute('data-inline', '');

  const place = () =>
    viewport &&
    host.style.setProperty('--kb', `${Math.max(0, innerHeight - viewport.height - viewport.offsetTop) | 0}px`);

  const draw = (opened?: boolean) =>
    render(
      <div dir={isRtl(locale) ? 'rtl' : 'ltr'} lang={locale}>
        {tab && (
          <button type="button" class="tab" hidden={open} aria-haspopup="dialog" onClick={() => show(true)}>
            {localize(survey.display?.label, locale) || strings.survey}
          </button>
        )}
        {open && <Survey {...options} opened={opened} strings={strings} close={close} />}
      </div>,
      root,
    );

  const show = (opened?: boolean) => {
    // The element to give focus back to: the tab inside this root, or whatever had it in the page.
    returnFocus = root.activeElement ?? document.activeElement;
    open = true;
    options.onShown();
    draw(opened);
  };

  const close = () => {
    if (!open) return;
    // Focus goes back only if it is inside the widget: closing never takes it from where the visitor is.
    const focused = document.activeElement === host;
    open = false;
    if (tab) draw();
    else {
      render(null, root);
      host.remove();
      viewport?.removeEventListener('resize', place);
      viewport?.removeEventListener('scroll', place);
    }
    if (focused) (returnFocus as HTMLElement | null)?.focus?.();
    options.onClose();
  };

  viewport?.addEventListener('resize', place);
  viewport?.addEventListener('scroll', place);
  place();
  (options.into ?? document.body).append(host);
  if (tab) draw();
  else show(options.opened);
  return close;
};
