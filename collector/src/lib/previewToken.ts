import type { SiteRow } from '../env';
import { ApiError } from './errors';

/** How long a preview link works: long enough to open it on a phone, short enough that a leaked one soon expires. */
export const PREVIEW_MS = 30 * 60_000;

const encoder = new TextEncoder();

/** Bytes as unpadded base64url, the alphabet a query string carries as it is. */
const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** The bytes of unpadded base64url text; null where it is not base64url. */
const fromBase64url = (text: string): Uint8Array | null => {
  try {
    return Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
};

/**
 * The site's HMAC key for preview links, from its read key's hash: secret, per site, and replaced when the read key
 * is, which revokes every link issued before.
 */
const siteKey = (site: SiteRow) =>
  crypto.subtle.importKey(
    'raw',
    encoder.encode(`pulse-preview:${site.read_key_hash}`),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );

/** What a preview link's token carries: the survey and when the link stops working, ms. */
interface PreviewClaim {
  survey: string;
  expires: number;
}

/** A signed token that shows `survey` of `site` at once to whoever opens a page of the site with it, until `expires`. */
export const signPreview = async (site: SiteRow, survey: string, expires: number): Promise<string> => {
  const payload = base64url(encoder.encode(JSON.stringify({ survey, expires } satisfies PreviewClaim)));
  const signature = await crypto.subtle.sign('HMAC', await siteKey(site), encoder.encode(`${site.id}.${payload}`));
  return `${payload}.${base64url(new Uint8Array(signature))}`;
};

/**
 * The survey id a preview token of `site` names, or a 403 that says why it does not work: not signed for this site
 * (forged, altered, for another site, or issued before the read key changed), or expired. The signature is checked
 * with `crypto.subtle.verify`, which compares in constant time.
 */
export const verifyPreview = async (site: SiteRow, token: string, now = Date.now()): Promise<string> => {
  const [payload = '', signature = ''] = token.split('.');
  const bytes = fromBase64url(signature);
  const valid =
    !!bytes &&
    (await crypto.subtle.verify('HMAC', await siteKey(site), bytes, encoder.encode(`${site.id}.${payload}`)));
  if (!valid)
    throw new ApiError(
      403,
      'preview_invalid',
      'The preview link is not valid for this site; ask the admin API for a new one.',
    );
  const claim = JSON.parse(new TextDecoder().decode(fromBase64url(payload)!)) as PreviewClaim;
  if (claim.expires <= now)
    throw new ApiError(
      403,
      'preview_expired',
      `The preview link expired at ${new Date(claim.expires).toISOString()}; ask the admin API for a new one.`,
    );
  return claim.survey;
};
