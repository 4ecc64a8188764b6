import { sha256Hex } from './sha256Hex';

/** 32 characters, none of them easy to confuse (no l, o, 0 or 1). */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A new random key: `pk_` public write key (120 bits) or `sk_` secret read key (200 bits). */
export const newKey = (prefix: 'pk' | 'sk', length = prefix === 'pk' ? 24 : 40): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let key = `${prefix}_`;
  // 256 is a multiple of the alphabet's 32 characters, so taking the low 5 bits stays unbiased.
  for (const byte of bytes) key += ALPHABET[byte & 31];
  return key;
};

/** SHA-256 of a key, hex: what `sites.read_key_hash` stores instead of the key. */
export const hashKey = (key: string): Promise<string> => sha256Hex(key);

/** Compares a presented key with a stored hash in constant time (workerd's `timingSafeEqual` on the digests). */
export const keyMatches = async (presented: string, storedHash: string): Promise<boolean> => {
  const encoder = new TextEncoder();
  const a = encoder.encode(await hashKey(presented));
  const b = encoder.encode(storedHash);
  return a.byteLength === b.byteLength && crypto.subtle.timingSafeEqual(a, b);
};
