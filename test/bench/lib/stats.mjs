// Summaries of repeated measurements: the median with its min–max, and percentiles by the nearest-rank method.

/**
 * The p-th percentile (0–100) of the values, by nearest rank: a value that was actually measured.
 * @param {number[]} values
 * @param {number} p
 */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

/** The median: the mean of the two middle values when there is an even number of them. */
export const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Median, min, max and p99 of a sample, rounded to `digits` decimals, with its size.
 * @param {number[]} values
 * @param {number} [digits]
 * @returns {{ median: number, min: number, max: number, p99: number, n: number }}
 */
export const summary = (values, digits = 2) => {
  const round = (/** @type {number} */ value) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    median: round(median(values)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    p99: round(percentile(values, 99)),
    n: values.length,
  };
};
