import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { FRICTION_SIGNALS } from '../aggregates/friction/signals';
import { instant, toMillis } from '../aggregates/window';
import { type AnswerCursor, type AnswerRow, type FrictionMet, listAnswers } from '../db/responses';
import type { AppEnv } from '../env';
import { csvLines } from '../lib/csv';
import { ApiError } from '../lib/errors';
import { frictionText } from '../lib/frictionText';
import { requireReadKey } from '../middleware/auth';
import { errorResponse, READ_ERRORS, READ_KEY, SiteParamSchema } from '../schema/common';
import { ExportSchema } from '../schema/responses';

const FORMATS = { json: 'application/json', ndjson: 'application/x-ndjson', csv: 'text/csv' } as const;
type Format = keyof typeof FORMATS;

const ExportQuerySchema = z.object({
  format: z
    .enum(['json', 'ndjson', 'csv'])
    .optional()
    .openapi({ description: 'Default: from the Accept header, else json.', example: 'csv' }),
  from: instant.optional().openapi({ description: 'Captured at or after this time.' }),
  to: instant.optional().openapi({ description: 'Captured before this time.' }),
  survey: z.string().max(64).optional().openapi({ description: 'Only this survey.', example: 'nps' }),
  path: z
    .string()
    .max(2048)
    .optional()
    .openapi({ description: 'Only this page; ids in it are normalised (`/orders/:id`).' }),
  device: z.enum(['mobile', 'tablet', 'desktop']).optional(),
  kind: z
    .enum(['nps', 'csat', 'ces', 'rating', 'single', 'multi', 'text'])
    .optional()
    .openapi({ description: 'Only answers to this kind of question (`text` for the verbatims).' }),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Only answers whose text contains this (case-insensitive for ASCII).', example: 'slow' }),
  friction: z
    .enum(['any', ...FRICTION_SIGNALS])
    .optional()
    .openapi({ description: 'Only answers given after friction in their session: any signal, or this one.' }),
  target: z.string().min(1).max(256).optional().openapi({
    description:
      'Only answers given after a rage, dead or error click on the element with this selector, in their session.',
    example: '#pay',
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(1000)
    .openapi({ description: 'Answers per page.', example: 1000 }),
  cursor: z
    .string()
    .max(300)
    .optional()
    .openapi({ description: 'Where the page starts: `next` of the previous page (also in the Link header).' }),
});

const CSV_HEADER = [
  'id',
  'time',
  'survey',
  'response',
  'question',
  'kind',
  'value',
  'path',
  'url',
  'device',
  'visitor',
  'user',
  'segments',
  'friction',
] as const;

const route = createRoute({
  method: 'get',
  operationId: 'listResponses',
  path: '/v1/sites/{site}/responses',
  tags: ['Export'],
  summary: 'Export survey answers as JSON, NDJSON or CSV, newest first, a page at a time',
  description:
    'One record per answered question. The next page is named by `next` (JSON), and for every format by the ' +
    '`Link: <…>; rel="next"` and `Pulse-Next-Cursor` headers. In CSV, a cell that starts with = + - @, a tab or a ' +
    'carriage return is prefixed with a single quote so that no spreadsheet runs it as a formula; the file starts ' +
    'with a UTF-8 byte order mark so that spreadsheets read it as UTF-8.',
  security: READ_KEY,
  middleware: [requireReadKey] as const,
  request: { params: SiteParamSchema, query: ExportQuerySchema },
  responses: {
    200: {
      description: 'A page of answers.',
      headers: {
        Link: { description: 'The next page, when there is one.', schema: { type: 'string' } },
        'Pulse-Next-Cursor': { description: 'Cursor of the next page, when there is one.', schema: { type: 'string' } },
      },
      content: {
        'application/json': { schema: ExportSchema },
        'application/x-ndjson': {
          schema: z.string().openapi({
            example:
              '{"id":"01936c5e-7b8a-7cde-8f01-23456789abcd","time":"2026-11-02T10:30:00.000Z","survey":"nps",' +
              '"response":"01936c5e-0000-7000-8000-000000000003","question":"score","kind":"nps","value":9,' +
              '"path":"/checkout","url":"/checkout","device":"mobile","visitor":"01936c5e-0000-7000-8000-000000000001","user":null,"segments":{},"friction":[]}\n',
          }),
        },
        'text/csv': {
          schema: z.string().openapi({
            example:
              `${CSV_HEADER.join(',')}\r\n01936c5e-7b8a-7cde-8f01-23456789abcd,2026-11-02T10:30:00.000Z,nps,` +
              "01936c5e-0000-7000-8000-000000000003,reason,text,'=HYPERLINK(…),/checkout,/checkout,mobile," +
              '01936c5e-0000-7000-8000-000000000001,,locale=en-GB; visitor=returning; trait.plan=pro,rage_click #pay on /checkout\r\n',
          }),
        },
      },
    },
    400: errorResponse('A malformed query or cursor; the message names the parameter.'),
    ...READ_ERRORS,
  },
});

const encodeCursor = (cursor: AnswerCursor): string =>
  btoa(JSON.stringify([cursor.ts, cursor.id]))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const decodeCursor = (cursor: string): AnswerCursor => {
  try {
    const [ts, id] = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/'))) as unknown[];
    if (typeof ts === 'number' && Number.isSafeInteger(ts) && typeof id === 'string') return { ts, id };
  } catch {
    // Falls through to the 400 below.
  }
  throw new ApiError(400, 'invalid_request', 'cursor: not a cursor this route gave');
};

/** A stored answer as the export shows it: the value in its own type. */
const answerView = (row: AnswerRow & { friction: FrictionMet[] }) => {
  let value: number | string | string[] | null = row.value ?? row.text;
  if (row.kind === 'multi' && row.text) {
    try {
      value = JSON.parse(row.text) as string[];
    } catch {
      value = row.text;
    }
  }
  return {
    id: row.id,
    time: new Date(row.ts).toISOString(),
    survey: row.survey,
    response: row.response,
    question: row.question,
    kind: row.kind,
    value,
    path: row.path,
    url: row.url,
    device: row.device,
    visitor: row.visitor,
    user: row.user,
    segments: row.segments ? (JSON.parse(row.segments) as Record<string, string>) : {},
    friction: row.friction.map(({ type, target, path, ts }) => ({
      type,
      target,
      path,
      time: new Date(ts).toISOString(),
    })),
  };
};

const formatOf = (asked: Format | undefined, accept = ''): Format =>
  asked ?? (accept.includes('text/csv') ? 'csv' : accept.includes('application/x-ndjson') ? 'ndjson' : 'json');

/** `GET /v1/sites/:site/responses`: the export of raw answers. */
export const responses = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const query = c.req.valid('query');
  const site = c.get('site');
  const { rows, next } = await listAnswers(c.get('db'), site.id, {
    from: query.from === undefined ? undefined : toMillis(query.from),
    to: query.to === undefined ? undefined : toMillis(query.to),
    survey: query.survey,
    path: query.path,
    device: query.device,
    kind: query.kind,
    q: query.q,
    friction: query.friction,
    target: query.target,
    after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    limit: query.limit,
  });
  const cursor = next && encodeCursor(next);
  if (cursor) {
    const url = new URL(c.req.url);
    url.searchParams.set('cursor', cursor);
    c.header('Link', `<${url.pathname}${url.search}>; rel="next"`);
    c.header('Pulse-Next-Cursor', cursor);
  }
  const answers = rows.map(answerView);
  const format = formatOf(query.format, c.req.header('accept'));
  if (format === 'json') return c.json({ answers, next: cursor ?? null }, 200);
  if (format === 'ndjson')
    return c.body(answers.map((answer) => `${JSON.stringify(answer)}\n`).join(''), 200, {
      'Content-Type': `${FORMATS.ndjson}; charset=utf-8`,
    });
  const csv = csvLines(
    CSV_HEADER,
    answers.map((answer) =>
      CSV_HEADER.map((column) => {
        if (column === 'friction') return frictionText(answer.friction);
        if (column === 'segments')
          return Object.entries(answer.segments)
            .map(([segment, value]) => `${segment}=${value}`)
            .join('; ');
        const value = answer[column];
        return Array.isArray(value) ? value.join('; ') : value;
      }),
    ),
  );
  return c.body(`\uFEFF${csv}`, 200, {
    'Content-Type': `${FORMATS.csv}; charset=utf-8; header=present`,
    'Content-Disposition': `attachment; filename="pulse-${site.id}-responses.csv"`,
  });
});
