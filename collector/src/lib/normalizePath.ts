const ID_SEGMENT =
  /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?=[0-9a-f]*\d)[0-9a-f]{12,}|(?=[\w-]*\d)(?=[\w-]*[a-z])[\w-]{20,}|\[(?:email|card|iban|phone)\])$/i;

/**
 * The path of a URL with ids in it replaced by `:id` (numbers, UUIDs, long hex, long tokens that mix
 * letters and digits, scrubbed PII), so that `/orders/123` and `/orders/456` count as one page.
 */
export const normalizePath = (url: string): string => {
  const path = url.split(/[?#]/, 1)[0] || '/';
  return path
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/');
};
