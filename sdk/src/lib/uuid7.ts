let lastTime = 0;
let sequence = 0;

/**
 * Returns a UUIDv7: a 48-bit millisecond timestamp, a 12-bit counter within that millisecond, then the variant
 * and 62 random bits, so ids made by one page sort in the order they were made (RFC 9562 §6.2, method 1).
 */
export const uuid7 = (now: number = Date.now()): string => {
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  const [high, low] = crypto.getRandomValues(new Uint32Array(2)) as unknown as [number, number];
  // Each part as hex of a fixed width: the version 7 before the counter, the variant (binary 10) before the random
  // bits, and 2 ** 32 added and its leading 1 cut off to keep leading zeros.
  const hex =
    now.toString(16).padStart(12, '0') +
    (0x7000 + (sequence & 0xfff)).toString(16) +
    ((high >>> 2) + 2 ** 31).toString(16) +
    (low + 2 ** 32).toString(16).slice(1);
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
};
