import type { SiteConfig } from '@pulse/sdk/protocol';
import type { ErrorStats } from '../../src/aggregates/errors/schema';
import type { FormStats } from '../../src/aggregates/forms/schema';
import type { FrictionStats } from '../../src/aggregates/friction/schema';
import type { FunnelStats } from '../../src/aggregates/funnels/schema';
import type { ImpactStats } from '../../src/aggregates/impact/schema';
import type { CesStats, CsatStats, NpsStats } from '../../src/aggregates/scores/schema';
import type { SurveyStats } from '../../src/aggregates/surveys/schema';
import type { VitalStats } from '../../src/aggregates/vitals/schema';
import type { AnswerPage } from '../../src/schema/responses';

export type { Answer, AnswerPage } from '../../src/schema/responses';
export type {
  CesStats,
  CsatStats,
  ErrorStats,
  FormStats,
  FrictionStats,
  FunnelStats,
  ImpactStats,
  NpsStats,
  SurveyStats,
  VitalStats,
};

/** What the dashboard signs in with: a site id and its secret read key. */
export interface Credentials {
  site: string;
  key: string;
}

/** A failed call to the stats API: the HTTP status (0 when the collector could not be reached) and its error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** Whether the key was refused: missing, wrong, or for another site. */
  get isAuth(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** Query parameters; empty values are left out. */
export type Query = Record<string, string | undefined>;

/** The stats routes the dashboard reads, by the type each answers. */
export interface Routes {
  'stats/nps': NpsStats;
  'stats/csat': CsatStats;
  'stats/ces': CesStats;
  'stats/surveys': SurveyStats;
  'stats/friction': FrictionStats;
  'stats/vitals': VitalStats;
  'stats/errors': ErrorStats;
  'stats/forms': FormStats;
  'stats/impact': ImpactStats;
  'stats/funnels': FunnelStats;
  responses: AnswerPage;
}

/** Reads one of the site's routes, same-origin, with the read key in the Authorization header (never in the URL). */
export const read = async <R extends keyof Routes>(
  { site, key }: Credentials,
  route: R,
  query: Query = {},
  signal?: AbortSignal,
): Promise<Routes[R]> => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  let response: Response;
  try {
    response = await fetch(`/v1/sites/${encodeURIComponent(site)}/${route}?${params}`, {
      headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'unreachable', 'The collector could not be reached. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => undefined)) as
    | Routes[R]
    | { error?: { code?: string; message?: string } }
    | undefined;
  if (response.ok && body) return body as Routes[R];
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  throw new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? `The collector answered ${response.status}.`,
  );
};

/** The site's public config, as its pages get it; undefined where it cannot be read. */
export const siteConfig = async (site: string, signal?: AbortSignal): Promise<SiteConfig | undefined> => {
  try {
    const response = await fetch(`/v1/sites/${encodeURIComponent(site)}/config`, { signal });
    return response.ok ? ((await response.json()) as SiteConfig) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The names of the site's surveys, by id, from its public config; a survey without a name, or deleted since its
 * answers came, is shown by its id. Empty where the config cannot be read: ids are still right.
 */
export const surveyNames = async (site: string, signal?: AbortSignal): Promise<Record<string, string>> => {
  const surveys = (await siteConfig(site, signal))?.surveys ?? [];
  return Object.fromEntries(surveys.filter((survey) => survey.name).map((survey) => [survey.id, survey.name!]));
};
