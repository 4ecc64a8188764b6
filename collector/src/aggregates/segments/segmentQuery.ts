import { z } from '@hono/zod-openapi';
import type { SiteRow } from '../../env';
import { ApiError } from '../../lib/errors';
import { LANGUAGE_TAG, TRAIT_KEY } from '../../schema/surveys';
import { canonicalLocale } from './segmentsOf';

/** The segments a stats query may name: `locale`, `visitor` or `trait.<key>`. */
const SEGMENTS = `locale|visitor|trait\\.${TRAIT_KEY}`;
const SEGMENT = new RegExp(`^(?:${SEGMENTS})$`);

/** The query parameters that choose a segment, beside `by` (`trait.<key>=<value>` is read from the raw query). */
export const SegmentQuerySchema = {
  by: z
    .string()
    .regex(new RegExp(`^(?:device|path|${SEGMENTS})$`), 'must be device, path, locale, visitor or trait.<key>')
    .optional()
    .openapi({
      description:
        'Adds a breakdown: one group per device class, normalised path, locale, new or returning visitor, or value ' +
        "of one of the site's segment traits (`trait.plan`), each with n, the score and its interval.",
    }),
  visitor: z
    .enum(['new', 'returning'])
    .optional()
    .openapi({ description: 'Only answers of new or returning visitors.' }),
  locale: z
    .string()
    .regex(LANGUAGE_TAG, 'must be a language tag or its prefix, such as de or de-AT')
    .optional()
    .openapi({ description: 'Only answers given in this locale or under it (`de` is de, de-DE, de-AT…).' }),
};

/**
 * One segment a score query reads: a filter (`value`, or with `prefix` a locale and those under it) or, without a
 * value, a breakdown by that segment.
 */
export interface SegmentSelection {
  segment: string;
  value?: string;
  prefix?: boolean;
}

/** What a query's `by` groups by: a key column of the rollups (`device`, `path`), or the segment it names. */
export type BreakdownKind = 'device' | 'path' | 'segment';

/**
 * The segment a stats query names, if any (`visitor`, `locale`, a `trait.<key>` filter from the raw query, or a `by`
 * on a segment), and what its `by` groups by. Segments are rolled up one at a time, so a query may name at most one;
 * a trait key must be one of the site's segment keys. Throws a 400 that says which rule the query broke.
 */
export const segmentQuery = (
  query: { by?: string; visitor?: string; locale?: string },
  raw: Record<string, string>,
  site: Pick<SiteRow, 'segments'>,
): { segment?: SegmentSelection; by?: BreakdownKind } => {
  const declared = JSON.parse(site.segments) as string[];
  const named: SegmentSelection[] = [];
  if (query.visitor) named.push({ segment: 'visitor', value: query.visitor });
  if (query.locale) named.push({ segment: 'locale', value: canonicalLocale(query.locale), prefix: true });
  for (const [key, value] of Object.entries(raw))
    if (key.startsWith('trait.')) {
      if (!SEGMENT.test(key)) throw new ApiError(400, 'invalid_request', `${key}: not a trait key`);
      if (value.length < 1 || value.length > 64)
        throw new ApiError(400, 'invalid_request', `${key}: the value must be 1 to 64 characters`);
      named.push({ segment: key, value });
    }
  if (query.by && SEGMENT.test(query.by)) named.push({ segment: query.by });
  if (named.length > 1)
    throw new ApiError(
      400,
      'invalid_request',
      `One segment at a time: ${named.map(({ segment }) => segment).join(', ')} were given (filter by one of visitor, locale or trait.<key>, or break down by one; by=device or by=path combine with any)`,
    );
  const [selection] = named;
  const key = selection?.segment.startsWith('trait.') ? selection.segment.slice(6) : undefined;
  if (key !== undefined && !declared.includes(key))
    throw new ApiError(
      400,
      'invalid_request',
      `${selection!.segment}: ${key} is not a segment key of this site (${declared.join(', ') || 'none'}); declare it with PATCH /v1/admin/sites/:site`,
    );
  const by = query.by === 'device' || query.by === 'path' ? query.by : query.by ? 'segment' : undefined;
  return { segment: selection, by };
};
