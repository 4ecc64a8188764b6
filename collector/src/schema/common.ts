import { z } from '@hono/zod-openapi';

/** The body of every error: a stable machine code and a sentence for people. */
export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error', { example: { error: { code: 'invalid_json', message: 'The body is not valid JSON.' } } });

/** A site id (`demo`) or, where the SDK calls, its public write key (`pk_…`). */
export const SiteParamSchema = z.object({
  site: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: 'site', in: 'path' },
      example: 'demo',
      description: 'Site id, or its public write key.',
    }),
});

/** A JSON error response for a route's `responses`. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** The bearer schemes routes declare in `security`. */
export const READ_KEY = [{ readKey: [] }];
export const ADMIN_TOKEN = [{ adminToken: [] }];

/** The errors of a route behind the admin token. */
export const ADMIN_ERRORS = {
  401: errorResponse('No admin token.'),
  403: errorResponse('Wrong admin token.'),
};

/** The errors of a route behind a site's read key. */
export const READ_ERRORS = {
  401: errorResponse('No read key.'),
  403: errorResponse('The key cannot read this site.'),
};
