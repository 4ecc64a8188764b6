import { decimal } from '../format';

const WIDTH = 96;
const HEIGHT = 28;

/** A tiny line of values over time, for a table row; its label reads the values out. */
export const Sparkline = ({ values, label }: { values: (number | null)[]; label: string }) => {
  const known = values.filter((value): value is number => value !== null);
  const description = `${label}: ${values.map((value) => decimal(value)).join(', ') || 'no data'}`;
  if (known.length === 0)
    return (
      <span class="sparkline-empty" role="img" aria-label={description}>
        —
      </span>
    );
  const max = Math.max(...known, 0.0001);
  const step = values.length > 1 ? (WIDTH - 4) / (values.length - 1) : 0;
  const points = values
    .map((value, index) => (value === null ? null : `${2 + index * step},${HEIGHT - 2 - ((HEIGHT - 4) * value) / max}`))
    .filter(Boolean)
    .join(' ');
  return (
    <svg
      class="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={description}
    >
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
};
