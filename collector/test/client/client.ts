// Compiled, not run (`tsc` in the test command): a client generated from the API document (openapi-typescript
// into dist/openapi.d.ts by the build, openapi-fetch on top) must type the calls a sender and a product team make,
// and accept every event the SDK sends.
import type { PulseEvent } from '@pulse/sdk/protocol';
import createClient from 'openapi-fetch';
import type { components, paths } from '../../dist/openapi';

type Schemas = components['schemas'];

/** Every event the SDK can send is an event of the document's `EventBatch`. */
export const fromSdk = (event: PulseEvent): Schemas['PulseEvent'] => event;

/** A server-side sender's batch, checked field by field. */
export const batch: Schemas['EventBatch'] = {
  site: 'pk_demo',
  events: [
    {
      id: '01936c5e-7b8a-7cde-8f01-23456789abcd',
      type: 'track',
      ts: 1732270000000,
      visitor: '01936c5e-0000-7000-8000-000000000001',
      session: '01936c5e-0000-7000-8000-000000000002',
      url: '/pricing',
      device: 'desktop',
      name: 'signup',
    },
  ],
};

const client = createClient<paths>({ baseUrl: 'http://localhost:8787' });

/** A product team's read of the NPS, typed from the document's parameters and answer. */
export const nps = async (site: string, readKey: string) => {
  const { data, error } = await client.GET('/v1/sites/{site}/stats/nps', {
    params: { path: { site }, query: { interval: 'day' } },
    headers: { Authorization: `Bearer ${readKey}` },
  });
  if (error) throw new Error(error.error.message);
  return { score: data.score, interval: data.ci95, n: data.n };
};
