const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const wholeFormat = new Intl.NumberFormat('en');
const dayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const hourFormat = new Intl.DateTimeFormat('en', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A count with thousands separators. */
export const count = (value: number): string => wholeFormat.format(value);

/** A count and its noun, singular or plural: `1 session`, `3 sessions`. */
export const counted = (value: number, noun: string): string => `${count(value)} ${noun}${value === 1 ? '' : 's'}`;

/** A number to one decimal at most, or a dash when there is none. */
export const decimal = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : numberFormat.format(value);

/** A signed score (NPS): `+32`, `−8`, `0`. */
export const signed = (value: number | null): string => {
  if (value === null) return '—';
  const rounded = Math.round(value);
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${-rounded}` : '0';
};

/** A share of 0–1 as a whole percentage. */
export const percent = (share: number | null | undefined): string =>
  share === null || share === undefined ? '—' : `${Math.round(share * 100)} %`;

/** A 95 % interval as text: `[5 – 55]`, or a dash when there is none. */
export const interval = (ci: [number, number] | null | undefined, digits = 0): string =>
  ci ? `${ci[0].toFixed(digits).replace('-', '−')} – ${ci[1].toFixed(digits).replace('-', '−')}` : '—';

/** The start of a series point, by the series' interval (UTC, as the stats API buckets). */
export const bucketLabel = (iso: string, interval: 'hour' | 'day' | 'week'): string =>
  interval === 'hour' ? hourFormat.format(new Date(iso)) : dayFormat.format(new Date(iso));

/** A capture time, in the reader's time zone. */
export const dateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));

/** A time in milliseconds: seconds above one second, milliseconds below, or a dash when there is none. */
export const duration = (ms: number | null): string =>
  ms === null ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

/** A web-vital value in its unit: a time as `duration` does, and CLS without a unit. */
export const vitalValue = (name: string, value: number | null): string =>
  name === 'CLS' && value !== null ? value.toFixed(value < 1 ? 2 : 1) : duration(value);
