import { scrubText } from './pii';

/**
 * A user id as it is stored: verbatim when it holds no PII, else a pseudonym, `~` and 32 hex digits of the SHA-256 of
 * the id trimmed and lower-cased. `identify('ana@example.com')` so never stores the address, yet erasing
 * `ana@example.com` still finds that user's events.
 */
export const userKey = async (user: string): Promise<string> => {
  if (scrubText(user) === user) return user;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(user.trim().toLowerCase()));
  return `~${[...new Uint8Array(digest, 0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
};
