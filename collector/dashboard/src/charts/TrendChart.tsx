import type { Window } from '../filters';
import { bucketLabel, count } from '../format';
import { useWidth } from '../hooks';

/** One point of a trend: a series bucket's value, its 95 % interval and its n. */
export interface TrendPoint {
  from: string;
  to: string;
  n: number;
  value: number | null;
  ci: [number, number] | null;
}

const HEIGHT = 180;
// Room on the left for the widest tick label, "100 %".
const PAD = { top: 12, right: 12, bottom: 24, left: 48 };

/**
 * A line of a score over time, inside the band of its 95 % interval, drawn as SVG at the width of its container.
 * Its text equivalent is a table of every point, with n and the interval, under a disclosure.
 */
export const TrendChart = ({
  title,
  points,
  window,
  domain,
  ticks,
  format,
}: {
  title: string;
  points: TrendPoint[];
  window: Window;
  domain: [number, number];
  ticks: number[];
  format: (value: number | null) => string;
}) => {
  const [ref, width] = useWidth<HTMLDivElement>(600);
  const start = Date.parse(window.from);
  const span = Date.parse(window.to) - start || 1;
  const plotWidth = Math.max(width - PAD.left - PAD.right, 10);
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (point: TrendPoint) =>
    PAD.left + (plotWidth * ((Date.parse(point.from) + Date.parse(point.to)) / 2 - start)) / span;
  const y = (value: number) =>
    PAD.top +
    plotHeight * (1 - (Math.min(Math.max(value, domain[0]), domain[1]) - domain[0]) / (domain[1] - domain[0]));
  const shown = points.filter((point) => point.value !== null);
  const banded = shown.filter((point) => point.ci);
  const band =
    banded.length > 0
      ? [
          ...banded.map((point) => `${x(point)},${y(point.ci![1])}`),
          ...banded.reverse().map((point) => `${x(point)},${y(point.ci![0])}`),
        ].join(' ')
      : '';
  const line = shown.map((point) => `${x(point)},${y(point.value!)}`).join(' ');
  const first = shown[0];
  const last = shown.at(-1);
  const summary =
    first && last
      ? `${title}: ${shown.length} ${window.interval === 'hour' ? 'hours' : window.interval === 'day' ? 'days' : 'weeks'} with answers, from ${format(first.value)} on ${bucketLabel(first.from, window.interval)} to ${format(last.value)} on ${bucketLabel(last.from, window.interval)}. The shaded band is the 95 % interval.`
      : `${title}: no answers in this range.`;
  return (
    <figure class="trend">
      <div ref={ref} class="trend-plot">
        <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={summary}>
          {ticks.map((tick) => (
            <g key={tick} class="tick">
              <line x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} />
              <text x={PAD.left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
                {format(tick)}
              </text>
            </g>
          ))}
          {band && <polygon class="band" points={band} />}
          {shown.length > 1 && <polyline class="line" points={line} />}
          {shown.map((point) => (
            <circle key={point.from} class="dot" cx={x(point)} cy={y(point.value!)} r={3} />
          ))}
          <text class="axis" x={PAD.left} y={HEIGHT - 6}>
            {bucketLabel(window.from, window.interval)}
          </text>
          <text class="axis" x={width - PAD.right} y={HEIGHT - 6} text-anchor="end">
            {bucketLabel(new Date(Date.parse(window.to) - 1).toISOString(), window.interval)}
          </text>
        </svg>
      </div>
      <figcaption>
        <details>
          <summary>{title} as a table</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">n</th>
                <th scope="col">Value</th>
                <th scope="col">95 % interval</th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.from}>
                  <th scope="row">{bucketLabel(point.from, window.interval)}</th>
                  <td>{count(point.n)}</td>
                  <td>{format(point.value)}</td>
                  <td>{point.ci ? `${format(point.ci[0])} – ${format(point.ci[1])}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
};
