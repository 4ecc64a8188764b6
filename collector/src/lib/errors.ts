import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error a client caused or may retry, answered as `{ error: { code, message } }` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Answers a JSON error. */
export const errorJson = (c: Context, status: ContentfulStatusCode, code: string, message: string) =>
  c.json({ error: { code, message } }, status);

/** A schema's issue, as zod reports it; `keys` lists the unknown fields of an `unrecognized_keys` issue. */
interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  keys?: string[];
}

/** Whether two field names are at most two edits apart (a typo such as `trigers` for `triggers`). */
const near = (a: string, b: string): boolean => {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]! <= 2;
};

/**
 * Explains the first problem a schema found, as `path: message`. An unknown field comes first, named by its full
 * path, since it is often the typo behind the other issues: `trigers: unknown field (did you mean triggers?)`.
 */
export const describeIssues = (issues: readonly Issue[]): string => {
  const where = (path: PropertyKey[]) => path.map(String).join('.');
  const unknown = issues.find((issue) => issue.code === 'unrecognized_keys' && issue.keys?.length);
  if (unknown) {
    const [key] = unknown.keys!;
    // A required field missing beside it, with a name close to the unknown one.
    const missing = issues.find(
      (issue) =>
        issue.path.length === unknown.path.length + 1 &&
        where(issue.path.slice(0, -1)) === where(unknown.path) &&
        near(String(issue.path.at(-1)), key!),
    );
    return `${where([...unknown.path, key!])}: unknown field${missing ? ` (did you mean ${String(missing.path.at(-1))}?)` : ''}`;
  }
  const [issue] = issues;
  if (!issue) return 'invalid';
  return issue.path.length ? `${where(issue.path)}: ${issue.message}` : issue.message;
};
