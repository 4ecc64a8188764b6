import { interval } from '../format';

/** A rate in percent, with its interval beside it. */
export const Rate = ({ rate }: { rate: { value: number | null; ci95: [number, number] | null } }) =>
  rate.value === null ? (
    <strong>—</strong>
  ) : (
    <>
      <strong>{Math.round(rate.value)} %</strong> (95 % interval {interval(rate.ci95)} %)
    </>
  );
