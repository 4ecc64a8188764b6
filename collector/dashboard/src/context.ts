import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Credentials } from './api';
import type { Filters, Window } from './filters';

/** What every section reads by: who is signed in, the filters, and the window they stand for. */
export interface View {
  credentials: Credentials;
  filters: Filters;
  window: Window;
  /** A key that changes with anything that should make sections load again. */
  key: string;
  /** Signs out with a message when the collector refuses the key (wrong, or rotated since sign-in). */
  refused(message: string): void;
}

/** The current view, provided by the app once signed in. */
export const ViewContext = createContext<View | undefined>(undefined);

/** The current view; only sections inside the signed-in app call it. */
export const useView = (): View => useContext(ViewContext)!;
