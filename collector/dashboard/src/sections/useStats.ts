import { useState } from 'preact/hooks';
import { useView, type View } from '../context';
import { type Loaded, useLoad } from '../hooks';

/** Loads a section's data for the current view, again whenever the view changes or `retry` is called. */
export const useStats = <T>(load: (view: View, signal: AbortSignal) => Promise<T>): [Loaded<T>, () => void] => {
  const view = useView();
  const [attempt, setAttempt] = useState(0);
  const loaded = useLoad(`${view.key}|${attempt}`, (signal) => load(view, signal));
  return [loaded, () => setAttempt((previous) => previous + 1)];
};
