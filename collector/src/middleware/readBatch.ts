import { createMiddleware } from 'hono/factory';
import { findSiteCached } from '../db/sites';
import type { AppEnv } from '../env';
import { ApiError, describeIssues } from '../lib/errors';
import { readText } from '../lib/readText';
import { EventBatchSchema } from '../schema/events';

/** The largest body the write path reads: the SDK splits its batches below it. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads the write path's `text/plain` JSON body (at most `MAX_BODY_BYTES`, else a 413) as a batch and resolves its site by the public write key
 * (cached briefly in the isolate). A body that is not a batch is a 400; an unknown key is a 403.
 */
export const readBatch = createMiddleware<AppEnv>(async (c, next) => {
  const text = await readText(c.req.raw, MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const batch = EventBatchSchema.safeParse(body);
  if (!batch.success) throw new ApiError(400, 'invalid_batch', describeIssues(batch.error.issues));
  const site = batch.data.site.startsWith('pk_') ? await findSiteCached(c.env.DB, batch.data.site) : null;
  if (!site) throw new ApiError(403, 'invalid_site_key', 'No site has this write key.');
  c.set('batch', batch.data);
  c.set('site', site);
  await next();
});
