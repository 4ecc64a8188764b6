const Z = 1.96;

/**
 * The Wilson score interval of a proportion k/n at 95 %, as proportions in [0, 1]: centre (k + z²/2)/(n + z²),
 * half-width z·√(k(n − k)/n + z²/4)/(n + z²). Unlike the plain normal interval it stays inside [0, 1] and is honest
 * at small n and at 0 % or 100 %. Null without answers.
 */
export const wilson = (k: number, n: number): [number, number] | null => {
  if (!n) return null;
  const z2 = Z * Z;
  const centre = (k + z2 / 2) / (n + z2);
  const half = (Z * Math.sqrt((k * (n - k)) / n + z2 / 4)) / (n + z2);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
};
