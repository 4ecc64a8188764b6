import type { RollupWhere } from '../rollupSums';
import type { SegmentSelection } from './segmentQuery';

/**
 * The condition on a segment rollup's rows for a selection: the segment's rows, and with a value only that value's
 * (with `prefix`, also the values under it: `de` is `de-DE` and `de-AT`).
 */
export const segmentRows = (segment: SegmentSelection): RollupWhere => {
  const where = ['segment = ?'];
  const bindings: string[] = [segment.segment];
  if (segment.value !== undefined && segment.prefix) {
    where.push("(value = ? OR value LIKE ? || '-%')");
    bindings.push(segment.value, segment.value);
  } else if (segment.value !== undefined) {
    where.push('value = ?');
    bindings.push(segment.value);
  }
  return { where: where.join(' AND '), bindings };
};
