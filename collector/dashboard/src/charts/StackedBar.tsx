import { percent } from '../format';

/** One part of a stacked bar. */
export interface Segment {
  label: string;
  value: number;
  /** The class that colours it (`promoter`, `good`, …). */
  tone: string;
}

/**
 * A horizontal bar split into parts by share, with a visible legend that gives each part's share in words, so that
 * nothing rests on colour alone.
 */
export const StackedBar = ({
  segments,
  label,
  legend = true,
}: {
  segments: Segment[];
  label: string;
  legend?: boolean;
}) => {
  const total = segments.reduce((sum, segment) => sum + segment.value, 0);
  const text = segments.map((segment) => `${segment.label} ${percent(total ? segment.value / total : 0)}`).join(', ');
  return (
    <div class="stacked">
      <div class="stacked-bar" role="img" aria-label={`${label}: ${text}`}>
        {segments.map((segment) =>
          segment.value > 0 ? (
            <span
              key={segment.label}
              class={`segment ${segment.tone}`}
              style={{ width: `${(100 * segment.value) / total}%` }}
              title={`${segment.label}: ${percent(segment.value / total)}`}
            />
          ) : null,
        )}
      </div>
      {legend && (
        <ul class="legend" aria-hidden="true">
          {segments.map((segment) => (
            <li key={segment.label}>
              <span class={`swatch ${segment.tone}`} />
              {segment.label} <strong>{percent(total ? segment.value / total : 0)}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
