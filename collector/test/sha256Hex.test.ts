import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/lib/sha256Hex';

describe('sha256Hex', () => {
  it('is the SHA-256 of the text in hex, or its first bytes', async () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(await sha256Hex('abc')).toBe(abc);
    expect(await sha256Hex('abc', 16)).toBe(abc.slice(0, 32));
  });
});
