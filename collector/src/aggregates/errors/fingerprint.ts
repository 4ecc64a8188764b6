import { sha256Hex } from '../../lib/sha256Hex';

/**
 * An error message with what varies between two occurrences of one bug taken out: URLs, UUIDs, long hex ids,
 * numbers and quoted values, so that `Item 123 not found` and `Item 456 not found` are one group.
 */
export const normalizeMessage = (message: string) =>
  message
    .replace(/\bhttps?:\/\/\S+/g, '<url>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<id>')
    .replace(/\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi, '<hex>')
    .replace(/(["'`])(?:(?!\1).){0,200}\1/g, '<value>')
    .replace(/\d+(\.\d+)?/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);

/** A script URL with its content hash taken out (`app.3f2a1b9c.js` is `app.js`), so a new build keeps its groups. */
export const normalizeFile = (file: string) => file.replace(/[.-][0-9a-f]{6,}(?=\.m?js\b)/gi, '');

/** The key of the errors with one normalised message, whichever script threw them: what an error click is joined by. */
export const messageKey = async (message: string) =>
  (await sha256Hex(`message\n${normalizeMessage(message)}`)).slice(0, 16);

/** The group of a JavaScript error: its normalised message and script. */
export const errorFingerprint = async (message: string, file: string | undefined) =>
  (await sha256Hex(`error\n${normalizeMessage(message)}\n${normalizeFile(file ?? '')}`)).slice(0, 16);
