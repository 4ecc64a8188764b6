let lastTime = 0;
let sequence = 0;

/**
 * Returns a UUIDv7: a 48-bit millisecond timestamp, a counter within that millisecond, then random bits,
 * so ids made by one page sort in the order they were made (RFC 9562 §6.2, method 1).
 */
export const uuid7 = (now: number = Date.now()): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  sequence = now === lastTime ? sequence + 1 : 0;
  lastTime = now;
  // Division rather than shifts: the timestamp needs 48 bits and JS shifts work on 32.
  for (let i = 0; i < 6; i++) bytes[i] = (now / 2 ** (40 - 8 * i)) & 255;
  bytes[6] = 112 | ((sequence >> 8) & 15);
  bytes[7] = sequence & 255;
  bytes[8] = (bytes[8]! & 63) | 128;
  let hex = '';
  for (const byte of bytes) hex += (byte + 256).toString(16).slice(1);
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
};
