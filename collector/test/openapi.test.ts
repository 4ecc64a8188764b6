import { Validator } from '@cfworker/json-schema';
import oas31 from '@seriousme/openapi-schema-validator/schemas/v3.1/schema.json';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { call } from './helpers';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

let doc: Json & { paths: Record<string, Record<string, Json>>; components: Json };

/** Follows a local `$ref` ("#/components/…") through the document. */
const resolve = (node: unknown): Json => {
  let current = node as Json;
  for (let hops = 0; typeof current?.$ref === 'string' && hops < 10; hops++)
    current = (current.$ref as string)
      .slice(2)
      .split('/')
      .reduce<unknown>((parent, key) => (parent as Json)?.[key], doc) as Json;
  return current;
};

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );

beforeAll(async () => {
  const response = await call('/v1/openapi.json');
  expect(response.status).toBe(200);
  doc = (await response.json()) as typeof doc;
});

describe('GET /v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = new Validator(oas31 as never, '2020-12', false).validate(doc);
    expect(result.errors.map((error) => `${error.instanceLocation}: ${error.error}`)).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator can fail: a document without info, or with an operation without responses, is refused.
    const validator = new Validator(oas31 as never, '2020-12', false);
    expect(validator.validate({ ...doc, info: 'none' }).valid).toBe(false);
    expect(
      validator.validate({ ...doc, paths: { '/x': { get: { summary: 'no responses', responses: 7 } } } }).valid,
    ).toBe(false);
  });

  it('resolves every $ref', () => {
    const refs = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.add(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs.size).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      expect(resolve({ $ref: ref }), ref).toBeTypeOf('object');
    }
  });

  it('lists every route the router has, and nothing it has not', () => {
    const app = createApp();
    const routed = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL')
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(operations().map(({ method, path }) => `${method} ${path}`));
    expect([...routed].sort()).toEqual([...documented].sort());
    for (const route of [
      'post /v1/events',
      'get /v1/sites/{site}/stats/nps',
      'get /v1/sites/{site}/stats/csat',
      'get /v1/sites/{site}/stats/ces',
      'get /v1/sites/{site}/stats/ingest',
      'get /v1/sites/{site}/responses',
      'delete /v1/sites/{site}/respondents/{id}',
      'post /v1/admin/sites',
      'get /v1/openapi.json',
    ])
      expect(documented, route).toContain(route);
  });

  it('describes every route with a summary, its errors, and an example of what it answers', () => {
    for (const { method, path, operation } of operations()) {
      const where = `${method} ${path}`;
      expect(operation.summary, where).toBeTypeOf('string');
      const responses = operation.responses as Record<string, Json>;
      const success = Object.entries(responses).filter(([status]) => status.startsWith('2'));
      expect(success.length, where).toBeGreaterThan(0);
      for (const [status, response] of success) {
        const content = resolve(response).content as Record<string, Json> | undefined;
        for (const [type, media] of Object.entries(content ?? {})) {
          const schema = resolve(media.schema);
          const example = media.example ?? media.examples ?? schema.example ?? schema.examples;
          expect(example, `${where} ${status} ${type}`).toBeDefined();
        }
      }
      for (const [status, response] of Object.entries(responses).filter(([code]) => /^[45]/.test(code))) {
        const schema = resolve((resolve(response).content as Record<string, Json>)['application/json']!.schema);
        expect(schema.example, `${where} ${status}`).toEqual({ error: expect.any(Object) });
      }
    }
  });

  it('names the security of every route that needs a key, and says that the others are public', () => {
    for (const { method, path, operation } of operations()) {
      const secured = path.startsWith('/v1/admin') || /\/(stats|responses|respondents)\b/.test(path);
      const security = operation.security as Json[] | undefined;
      expect(security, `${method} ${path}`).toBeInstanceOf(Array);
      expect(security!.length > 0, `${method} ${path}`).toBe(secured);
    }
  });

  it('gives every operation a stable, unique operationId, and the document its servers', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['sendEvents', 'getNpsStats', 'getCsatStats', 'listResponses']));
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it("gives EventBatch every event's own schema", () => {
    const batch = resolve((doc.components.schemas as Json).EventBatch) as { properties: { events: Json } };
    expect(batch.properties.events.items).toEqual({ $ref: '#/components/schemas/PulseEvent' });
  });

  it('refuses a client that accepts no JSON with a 406, and serves a browser', async () => {
    const refused = await call('/v1/openapi.json', { headers: { Accept: 'text/html' } });
    expect(refused.status).toBe(406);
    expect(await refused.json()).toEqual({ error: { code: 'not_acceptable', message: expect.any(String) } });
    const browser = await call('/v1/openapi.json', {
      headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(browser.status).toBe(200);
  });
});
