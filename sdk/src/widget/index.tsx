import { render } from 'preact';
import { Survey } from './Survey';
import { stringsFor } from './strings/index';
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

/** Renders a survey in its own open shadow root, floating or inline; returns the function that removes it. */
export const mount: Mount = (options) => {
  const host = document.createElement('pulse-survey');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, options.nonce);
  if (options.into) host.setAttribute('data-inline', '');
  const returnFocus = document.activeElement as HTMLElement | null;
  let removed = false;
  const close = () => {
    if (removed) return;
    removed = true;
    render(null, root);
    host.remove();
    if (options.opened) returnFocus?.focus?.();
    options.onClose();
  };
  (options.into ?? document.body).append(host);
  render(<Survey {...options} strings={stringsFor(options.locale)} close={close} />, root);
  return close;
};
