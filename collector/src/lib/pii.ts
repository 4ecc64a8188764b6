/** Placeholders that replace what the scrubber removes. */
const MASK = { email: '[email]', card: '[card]', iban: '[iban]', phone: '[phone]' } as const;

const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** 13–19 digits, in groups split by a space or a dash. */
const CARD = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g;
/** A country code, check digits, then 11–30 letters or digits in groups split by a space or a dash. */
const IBAN_SHAPE = '\\b[A-Z]{2}\\d{2}(?:[ -]?[A-Z0-9]){11,30}\\b';
const IBAN = new RegExp(IBAN_SHAPE, 'gi');
/** Runs of digits that could be a phone number; `isPhone` decides. Not glued to a word, a `+` or a dash before. */
const PHONE = /(?<![\w+-])(?:\+|00|\()?\d[\d ().\-/]{6,18}\d(?!\w)/g;
/** Shapes whose digits are never a card or a phone number: UUIDs, and IBANs (valid ones are masked first). */
const KEPT = new RegExp(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|${IBAN_SHAPE}`, 'gi');
/** A date at the start (`2023-11-05`, `05.11.2023`), as in dates and SKUs built from them. */
const DATE_PREFIX = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?!\d)/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/**
 * Issuer prefixes of the card networks (Visa 4; Mastercard 51–55 and 2221–2720; Amex, Diners and JCB 3; Discover,
 * UnionPay and Maestro 5 and 6), so that a Luhn-valid number of another kind (an epoch timestamp) is kept.
 */
const CARD_IIN = /^(?:[3-6]|2(?:22[1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/;

/** Tells whether a run of digits passes the Luhn check that card numbers carry. */
export const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
};

/** Tells whether a run of 13–19 digits is a card number: a known issuer prefix and a valid Luhn check digit. */
const isCard = (candidate: string): boolean => {
  const digits = candidate.replace(/\D/g, '');
  return digits.length >= 13 && digits.length <= 19 && CARD_IIN.test(digits) && luhn(digits);
};

/** Tells whether a string is a valid IBAN (ISO 13616 mod-97 check); spaces and dashes between groups are allowed. */
export const isIban = (candidate: string): boolean => {
  const compact = candidate.replace(/[ -]/g, '').toUpperCase();
  if (compact.length < 15 || compact.length > 34) return false;
  let remainder = 0;
  for (const char of compact.slice(4) + compact.slice(0, 4)) {
    const value = Number.parseInt(char, 36);
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
};

/**
 * Phone numbers have a phone's shape: 8–15 digits and a last group of at least two (ISBNs end in one), never a
 * date, an IPv4 address, a version or a decimal. Dots may split groups of 2–4 digits only (`555.123.4567`).
 * International (`+`, `00`), national (a leading 0 or a bracketed area code), or 10 digits and more in groups.
 */
const isPhone = (candidate: string): boolean => {
  const groups = candidate.match(/\d+/g) ?? [];
  const digits = groups.join('');
  if (digits.length < 8 || digits.length > 15 || groups[groups.length - 1]!.length < 2) return false;
  if (DATE_PREFIX.test(candidate) || IPV4.test(candidate)) return false;
  if (candidate.includes('.') && !(groups.length >= 3 && /^\d{2,4}(?:\.\d{2,4})+$/.test(candidate))) return false;
  if (/^(\+|00|0|\()/.test(candidate)) return true;
  // A bare run of digits is an id or a timestamp, unless it has a North American number's shape.
  return candidate === digits ? /^[2-9]\d{9}$/.test(digits) : digits.length >= 10;
};

/**
 * Masks the longest valid IBAN at the start of a candidate: the pattern is greedy and may run on into the next word
 * ("GB82WEST12345698765432 please"), so shorter prefixes are tried too.
 */
const maskIban = (candidate: string): string => {
  for (let end = candidate.length; end >= 15; end--)
    if (!/[ -]/.test(candidate[end - 1]!) && isIban(candidate.slice(0, end))) return MASK.iban + candidate.slice(end);
  return candidate;
};

/** Masks each match of `pattern` that `isPii` confirms, except inside a UUID or an IBAN-shaped string. */
const maskOutsideKept = (value: string, pattern: RegExp, isPii: (match: string) => boolean, mask: string) => {
  const kept = [...value.matchAll(KEPT)].map((match) => [match.index, match.index + match[0].length]);
  return value.replace(pattern, (match, offset: number) =>
    isPii(match) && !kept.some(([start, end]) => offset < end! && offset + match.length > start!) ? mask : match,
  );
};

/** Masks e-mail addresses, IBANs and card numbers: what is PII wherever it stands, a URL's path included. */
const scrubIdentifiers = (value: string): string =>
  maskOutsideKept(value.replace(EMAIL, MASK.email).replace(IBAN, maskIban), CARD, isCard, MASK.card);

/** Replaces e-mail addresses, card numbers, IBANs and phone numbers in free text with placeholders. */
export const scrubText = (value: string): string =>
  maskOutsideKept(scrubIdentifiers(value), PHONE, isPhone, MASK.phone);

/**
 * Scrubs a URL, absolute or path-and-query, however it is percent-encoded: each path segment, query value and the
 * fragment is decoded, scrubbed and encoded again, and a part with nothing to mask keeps its bytes. E-mails, cards
 * and IBANs are masked anywhere; phone numbers only in query values, since long digit runs in a path are usually
 * ids. The fragment is scrubbed as a URL of its own (single-page apps route there).
 */
export const scrubUrl = (url: string): string => {
  const [beforeFragment = '', fragment] = splitOnce(url, '#');
  const [path = '', query] = splitOnce(beforeFragment, '?');
  const cleanPath = path
    .split('/')
    .map((segment) => scrubPart(segment, safeDecode(segment), scrubIdentifiers, encodePathPart))
    .join('/');
  const cleanQuery = query
    ?.split('&')
    .map((pair) => {
      const [key = '', value] = splitOnce(pair, '=');
      if (value === undefined) return scrubPart(pair, safeDecode(pair), scrubIdentifiers, encodeURIComponent);
      return `${key}=${scrubPart(value, safeDecode(value.replace(/\+/g, ' ')), scrubText, encodeURIComponent)}`;
    })
    .join('&');
  return (
    cleanPath +
    (cleanQuery === undefined ? '' : `?${cleanQuery}`) +
    (fragment === undefined ? '' : `#${scrubUrl(fragment)}`)
  );
};

/** A part of a URL scrubbed in its decoded form; encoded again only when something was masked. */
const scrubPart = (
  raw: string,
  decoded: string,
  scrub: (value: string) => string,
  encode: (value: string) => string,
): string => {
  const clean = scrub(decoded);
  return clean === decoded ? raw : encode(clean);
};

/** Encodes a path segment as browsers do (`=`, `@` and `:` stay), keeping the placeholders readable (`/u/[email]`). */
const encodePathPart = (value: string): string =>
  encodeURI(value)
    .replace(/[/?#]/g, encodeURIComponent)
    .replace(/%5B(email|card|iban|phone)%5D/g, '[$1]');

const splitOnce = (value: string, separator: string): [string, string?] => {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
};

/** Decodes percent-encoding, up to three layers deep (`%2540` is an encoded `%40`); malformed input stays. */
const safeDecode = (value: string): string => {
  let decoded = value;
  for (let layer = 0; layer < 3 && decoded.includes('%'); layer++) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  return decoded;
};
