// A small static server for the demo shop that fills the tag's placeholders with the collector's URL, the site and its
// key.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../site/', import.meta.url));
/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** How long the demo server holds back anything under `/img/slow/`: the shop's slow hero photo (a late LCP). */
const SLOW_MS = 3000;

/**
 * Serves demo/site on a port; `/x` serves `x.html` or `x/index.html`, any `/lab/…` path the lab page, any
 * `/product/…` path the product page, `/img/slow/x` `/img/x` after 3 s, and any `/csp/…` path the CSP page with a
 * strict Content-Security-Policy that allows scripts and connections only to this origin and the collector.
 * With `sitesDir`, a request to `<site>.localhost` gets the tag of that site, whose keys `<sitesDir>/<site>.json`
 * holds: the end-to-end scenarios each run on a site of their own. Resolves once listening.
 * @param {{ port: number, collector: string, siteKey: string, sitesDir?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export const serveDemo = ({ port, collector, siteKey, sitesDir }) => {
  /**
   * The site a request's host names, and its write key.
   * @param {string | undefined} host
   * @returns {Promise<{ id: string, key: string }>}
   */
  const siteOf = async (host) => {
    const id = sitesDir && /^([a-z0-9][a-z0-9-]*)\.localhost(:\d+)?$/.exec(host ?? '')?.[1];
    if (!id) return { id: 'demo', key: siteKey };
    return { id, key: JSON.parse(await readFile(`${sitesDir}${id}.json`, 'utf8')).writeKey };
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.startsWith('/img/slow/')) {
      await new Promise((resume) => setTimeout(resume, SLOW_MS));
      path = path.replace('/img/slow/', '/img/');
    }
    const candidates = path.endsWith('/')
      ? [`${path}index.html`]
      : extname(path)
        ? [path]
        : [`${path}.html`, `${path}/index.html`];
    // Every /lab/… path serves the lab page, so that a scenario can give its page a path of its own.
    if (path.startsWith('/lab/')) candidates.push('/lab.html');
    // Every product has the same page, which reads its id from the path.
    if (path.startsWith('/product/')) candidates.push('/product.html');
    const strict = path.startsWith('/csp/');
    if (strict) candidates.unshift('/csp.html');
    const site = await siteOf(request.headers.host).catch(() => undefined);
    if (!site) {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('No such site');
      return;
    }
    for (const candidate of candidates) {
      try {
        let body = await readFile(root + candidate.replace(/^\//, ''));
        const type = TYPES[extname(candidate)] ?? 'application/octet-stream';
        if (candidate.endsWith('.html') || candidate === '/panel.js') {
          body = Buffer.from(
            body
              .toString('utf8')
              .replaceAll('__PULSE_COLLECTOR__', collector)
              .replaceAll('__PULSE_SITE_KEY__', site.key)
              .replaceAll('__PULSE_SITE__', site.id),
          );
        }
        response.writeHead(200, {
          'Content-Type': type,
          'Cache-Control': 'no-cache',
          ...(strict && {
            'Content-Security-Policy': `script-src 'self' ${collector}; style-src 'self'; connect-src ${collector}`,
          }),
        });
        response.end(body);
        return;
      } catch {
        // Try the next candidate.
      }
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('Not found');
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
};
