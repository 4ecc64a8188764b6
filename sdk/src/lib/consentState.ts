import type { Consent } from '../client';

/**
 * Consent per purpose as it stands. Analytics starts granted unless consent is pending or the browser sends a privacy
 * signal (Global Privacy Control, Do Not Track); surveys unless consent is pending. `_grant` applies `consent()` and
 * tells whether analytics was granted just now.
 */
export const consentState = (pending: boolean) => {
  const privacySignal =
    (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true || navigator.doNotTrack === '1';
  const granted: Required<Consent> = { analytics: !pending && !privacySignal, surveys: !pending };
  return {
    _granted: granted,
    _grant(choice: boolean | Consent) {
      const had = granted.analytics;
      Object.assign(granted, typeof choice === 'boolean' ? { analytics: choice, surveys: choice } : choice);
      return granted.analytics && !had;
    },
  };
};
