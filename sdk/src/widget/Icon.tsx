/** A face for a satisfaction score of 1 (frown) to 5 (smile): the mouth's curve follows the score. */
export const Face = ({ score }: { score: number }) => (
  // biome-ignore lint/a11y/noSvgWithoutTitle: decorative, inside an aria-hidden span; its radio carries the name.
  <svg viewBox="0 0 24 24">
    <circle cx="12" cy="12" r="9.5" />
    <path d={`M9 9.5v1m6-1v1M7.5 15.5Q12 ${8 + 2.5 * score} 16.5 15.5`} />
  </svg>
);

/** A five-pointed star; CSS fills it up to the chosen score. */
export const Star = () => (
  // biome-ignore lint/a11y/noSvgWithoutTitle: decorative, inside an aria-hidden span; its radio carries the name.
  <svg viewBox="0 0 24 24">
    <path d="m12 2.8 2.8 5.9 6.4.8-4.7 4.4 1.2 6.4-5.7-3.1-5.7 3.1 1.2-6.4-4.7-4.4 6.4-.8z" />
  </svg>
);
