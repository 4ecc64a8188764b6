import type { Credentials } from './api';

const KEY = 'pulse:dashboard';
/** The last site signed in to: not a secret, so it may outlive the tab to prefill the form. */
const LAST_SITE = 'pulse:dashboard:site';

/** The credentials of this tab's session, kept in sessionStorage only: they go when the tab closes. */
export const loadCredentials = (): Credentials | undefined => {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Credentials> | null;
    return stored?.site && stored.key ? { site: stored.site, key: stored.key } : undefined;
  } catch {
    return undefined;
  }
};

/** Keeps the credentials for this tab (sessionStorage), or forgets them. */
export const saveCredentials = (credentials: Credentials | undefined): void => {
  try {
    if (credentials) {
      sessionStorage.setItem(KEY, JSON.stringify(credentials));
      localStorage.setItem(LAST_SITE, credentials.site);
    } else sessionStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the session lasts as long as the page.
  }
};

/** The site id to prefill the sign-in form with: `?site=` in the URL, else the last one signed in to. */
export const suggestedSite = (): string => {
  const fromUrl = new URLSearchParams(location.search).get('site');
  if (fromUrl) return fromUrl;
  try {
    return localStorage.getItem(LAST_SITE) ?? '';
  } catch {
    return '';
  }
};
