// Eyes and mouth per score, 1 to 5: frowning brows and a deep frown, a slight frown, a flat mouth, a smile, and
// smiling eyes over an open grin (`Face` fills it), so that neighbouring faces differ at a glance.
const FACES = [
  'M7 7.5l3 1.2M17 7.5l-3 1.2M9 10.5v1m6-1v1M7.5 17Q12 12.5 16.5 17',
  'M9 10v1m6-1v1M8.5 16.5Q12 14.5 15.5 16.5',
  'M9 10v1m6-1v1M8.5 15.5h7',
  'M9 10v1m6-1v1M8 14.5Q12 18 16 14.5',
  'M8 10.5q1-1.6 2 0m4 0q1-1.6 2 0M7.5 13.5h9a4.5 4.5 0 0 1-9 0z',
];

/** A face for a satisfaction score of 1 (frown) to 5 (grin). */
export const Face = ({ score }: { score: number }) => (
  // biome-ignore lint/a11y/noSvgWithoutTitle: decorative, inside an aria-hidden span; its radio carries the name.
  <svg viewBox="0 0 24 24">
    <circle cx="12" cy="12" r="9.5" />
    <path d={FACES[score - 1]} fill={score > 4 ? 'currentColor' : undefined} />
  </svg>
);

/** A five-pointed star; CSS fills it up to the chosen score. */
export const Star = () => (
  // biome-ignore lint/a11y/noSvgWithoutTitle: decorative, inside an aria-hidden span; its radio carries the name.
  <svg viewBox="0 0 24 24">
    <path d="m12 2.8 2.8 5.9 6.4.8-4.7 4.4 1.2 6.4-5.7-3.1-5.7 3.1 1.2-6.4-4.7-4.4 6.4-.8z" />
  </svg>
);
