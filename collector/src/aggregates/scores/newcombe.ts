import { wilson } from './wilson';

/**
 * The 95 % interval of a difference of two proportions k1/n1 − k2/n2, by Newcombe's hybrid score method (1998,
 * method 10): from each side's Wilson interval (l, u), δ − √((p1 − l1)² + (u2 − p2)²) to
 * δ + √((u1 − p1)² + (p2 − l2)²). It stays inside [−1, 1] and keeps its coverage at small n and near 0 or 1, where
 * the plain normal interval does not. Null when either side has no answers.
 */
export const newcombe = (k1: number, n1: number, k2: number, n2: number): [number, number] | null => {
  const first = wilson(k1, n1);
  const second = wilson(k2, n2);
  if (!first || !second) return null;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const difference = p1 - p2;
  return [
    difference - Math.sqrt((p1 - first[0]) ** 2 + (second[1] - p2) ** 2),
    difference + Math.sqrt((first[1] - p1) ** 2 + (p2 - second[0]) ** 2),
  ];
};
