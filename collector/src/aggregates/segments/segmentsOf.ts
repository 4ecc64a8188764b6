/** What a showing says about its visitor on the wire (`SurveyEventBase`): locale, visit count and segment traits. */
export interface ShowingSegment {
  locale?: string;
  visits?: number;
  traits?: Record<string, string>;
}

/** A language tag in its usual case: the language lower case, a two-letter region upper case (`de-at` is `de-AT`). */
export const canonicalLocale = (locale: string): string =>
  locale
    .split('-')
    .map((part, index) => (index === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part))
    .join('-');

/**
 * The segments of a survey event, as the rollups key them: `locale` (its case normalised: `de-DE`), `visitor`
 * (`new` on the first visit, `returning` after: the rule of `visitor` targeting), and `trait.<key>` per trait. Null
 * when the event says nothing of its visitor.
 */
export const segmentsOf = ({ locale, visits, traits }: ShowingSegment): Record<string, string> | null => {
  const segments: Record<string, string> = {};
  if (locale) segments.locale = canonicalLocale(locale);
  if (visits !== undefined) segments.visitor = visits < 2 ? 'new' : 'returning';
  for (const [key, value] of Object.entries(traits ?? {})) if (value) segments[`trait.${key}`] = value;
  return Object.keys(segments).length ? segments : null;
};
