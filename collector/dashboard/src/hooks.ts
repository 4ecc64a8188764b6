import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** The width in CSS pixels of an element, kept up to date as it resizes, so charts draw at their real size. */
export const useWidth = <T extends HTMLElement>(fallback: number): [RefObject<T>, number] => {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || fallback);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth || fallback));
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width];
};

/** The state of something loading: its value once loaded, or the error that stopped it. */
export type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: unknown };

/**
 * Runs `load` whenever `key` changes, cancelling the previous run, and reports its state. `key` is a string so that
 * equal filters never load twice.
 */
export const useLoad = <T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> => {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  // The latest `load`: it closes over the filters that `key` stands for.
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    latest.current(controller.signal).then(
      (value) => controller.signal.aborted || setLoaded({ state: 'done', value }),
      (error: unknown) => controller.signal.aborted || setLoaded({ state: 'failed', error }),
    );
    return () => controller.abort();
  }, [key]);
  return loaded;
};
