import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A horizontally scrolling box for a wide table, named for screen readers and reachable by keyboard to scroll it.
 * While its table is wider than it, it says so: a line above it, and shadows at the edges that have more to see.
 */
export const ScrollRegion = ({ label, children }: { label: string; children: ComponentChildren }) => {
  const ref = useRef<HTMLElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {scrolls && (
        <p class="scroll-hint" aria-hidden="true">
          Scroll sideways to see every column →
        </p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus, or keyboard users cannot scroll it (WCAG 2.1.1). */}
      <section ref={ref} class="table-scroll" aria-label={label} tabIndex={0} data-scrolls={scrolls || undefined}>
        {children}
      </section>
    </>
  );
};
