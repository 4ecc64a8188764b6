import { scrubText } from './pii';
import { sha256Hex } from './sha256Hex';

/**
 * A user id as it is stored: verbatim when it holds no PII, else a pseudonym, `~` and 32 hex digits of the SHA-256 of
 * the id trimmed and lower-cased. `identify('ana@example.com')` so never stores the address, yet erasing
 * `ana@example.com` still finds that user's events.
 */
export const userKey = async (user: string): Promise<string> => {
  if (scrubText(user) === user) return user;
  return `~${await sha256Hex(user.trim().toLowerCase(), 16)}`;
};
