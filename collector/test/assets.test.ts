import { describe, expect, it } from 'vitest';
import chunks from '../../sdk/dist/chunks.json';
import { call } from './helpers';

describe('GET /sdk/…', () => {
  it('serves pulse.js for 5 minutes, revalidated with its ETag', async () => {
    const response = await call('/sdk/pulse.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=300, must-revalidate');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const etag = response.headers.get('ETag');
    expect(etag).toBeTruthy();
    await response.arrayBuffer();
    const again = await call('/sdk/pulse.js', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves each content-hashed chunk as immutable for a year', async () => {
    for (const file of Object.values(chunks)) {
      const response = await call(`/sdk/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      await response.arrayBuffer();
    }
  });

  it('refuses a chunk an older pulse.js asks for, once it is no longer deployed, with a 404 and never another build', async () => {
    for (const file of ['widget-0ld0ld0ld.js', 'widget.js']) {
      const response = await call(`/sdk/${file}`);
      expect(response.status, file).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
