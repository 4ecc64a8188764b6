import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, errorJson } from '../lib/errors';

/**
 * Turns every thrown error into a JSON error. Client errors keep their status; anything unexpected
 * becomes a 503 that the SDK retries, so a bug on our side never makes a client drop its events.
 */
export const onError: ErrorHandler = (error, c) => {
  if (error instanceof ApiError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    return errorJson(c, error.status, error.code, error.message);
  }
  if (error instanceof HTTPException) {
    const status = error.status === 500 ? 503 : error.status;
    return errorJson(c, status, status === 413 ? 'too_large' : 'bad_request', error.message || 'Bad request.');
  }
  console.error('unexpected error', error);
  c.header('Retry-After', '5');
  return errorJson(c, 503, 'unavailable', 'The collector could not handle this request now; retry later.');
};

/** Unknown routes answer a JSON 404. */
export const notFound: NotFoundHandler = (c) =>
  errorJson(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`);
