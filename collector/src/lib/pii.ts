/** Placeholders that replace what the scrubber removes. */
const MASK = { email: '[email]', card: '[card]', iban: '[iban]', phone: '[phone]' } as const;

const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/g;
const CARD = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/gi;
const PHONE = /(?<![\w+])(?:\+|00|\()?\d[\d ().\-/]{6,18}\d(?!\w)/g;
const DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/;

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

/** Tells whether a string is a valid IBAN (ISO 13616 mod-97 check). */
export const isIban = (candidate: string): boolean => {
  const compact = candidate.replace(/ /g, '').toUpperCase();
  if (compact.length < 15 || compact.length > 34) return false;
  let remainder = 0;
  for (const char of compact.slice(4) + compact.slice(0, 4)) {
    const value = Number.parseInt(char, 36);
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
};

/** Phone numbers: 8–15 digits, international (+ or 00), national (leading 0 or a bracketed area code), or 10 digits and more; never a date. */
const isPhone = (candidate: string): boolean => {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15 || DATE.test(candidate)) return false;
  return /^(\+|00|0|\()/.test(candidate) || digits.length >= 10;
};

/**
 * Masks the longest valid IBAN at the start of a candidate: the pattern is greedy and may run on into the next word
 * ("GB82WEST12345698765432 please"), so shorter prefixes are tried too.
 */
const maskIban = (candidate: string): string => {
  for (let end = candidate.length; end >= 15; end--)
    if (candidate[end - 1] !== ' ' && isIban(candidate.slice(0, end))) return MASK.iban + candidate.slice(end);
  return candidate;
};

/** Replaces e-mail addresses, Luhn-valid card numbers, IBANs and phone numbers in free text with placeholders. */
export const scrubText = (value: string): string =>
  value
    .replace(EMAIL, MASK.email)
    .replace(IBAN, maskIban)
    .replace(CARD, (match) => (luhn(match.replace(/\D/g, '')) ? MASK.card : match))
    .replace(PHONE, (match) => (isPhone(match) ? MASK.phone : match));

/**
 * Scrubs a path-and-query URL: e-mails, cards and IBANs anywhere; phone numbers only in query values,
 * since long digit runs in a path are usually ids.
 */
export const scrubUrl = (url: string): string => {
  const [path = '', query] = splitOnce(url, '?');
  const cleanPath = path
    .replace(EMAIL, MASK.email)
    .replace(IBAN, maskIban)
    .replace(CARD, (match) => (luhn(match.replace(/\D/g, '')) ? MASK.card : match));
  if (query === undefined) return cleanPath;
  const cleanQuery = query
    .split('&')
    .map((pair) => {
      const [key = '', value] = splitOnce(pair, '=');
      return value === undefined ? pair : `${key}=${encodeURIComponent(scrubText(safeDecode(value)))}`;
    })
    .join('&');
  return `${cleanPath}?${cleanQuery}`;
};

const splitOnce = (value: string, separator: string): [string, string?] => {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
};

const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};
