import type { ComponentChildren } from 'preact';

/** A horizontally scrolling box for a wide table, named for screen readers and reachable by keyboard to scroll it. */
export const ScrollRegion = ({ label, children }: { label: string; children: ComponentChildren }) => (
  // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus, or keyboard users cannot scroll it (WCAG 2.1.1).
  <section class="table-scroll" aria-label={label} tabIndex={0}>
    {children}
  </section>
);
