/** The SHA-256 of a text as hex, its first `bytes` bytes (all 32 by default). */
export const sha256Hex = async (text: string, bytes = 32): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest, 0, bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
};
