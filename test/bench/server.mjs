// The benchmark's loopback web: the bench page on one origin, and a "third-party" origin that serves the SDK files
// and answers as their back ends would, so that nothing leaves the machine.
//   page origin   /none, /pulse, /posthog  the same page with no SDK, with Pulse's snippet, with PostHog's snippet;
//                 `?isolated` adds COOP/COEP, for microsecond timers in the per-interaction figure
//   asset origin  /sdk/*                   Pulse's build (sdk/dist), and its collector routes: the site config (the
//                                          bench surveys, none triggered on this page) and POST /v1/events
//                 /static/*                posthog-js's published files (array.js and its lazy extensions)
//                 /array/:token/config.js  PostHog's remote config, with the features Pulse also has turned on
//                 /flags/, /api/surveys/   PostHog's flags and surveys (one survey, shown only after an order)
//                 anything else            PostHog's capture endpoints: 200 {"status":1}
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SURVEYS } from './lib/admin.mjs';

const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const PULSE_DIST = here('../../sdk/dist/');
const POSTHOG_DIST = here('../node_modules/posthog-js/dist/');
const PAGE = readFileSync(here('./site/page.html'), 'utf8');

/** Pulse's site key and PostHog's project token on the bench page. */
export const PULSE_SITE = 'pk_bench';
export const POSTHOG_TOKEN = 'phc_bench';
/** The survey each SDK opens for the widget figure. */
export const PULSE_SURVEY = 'nps';
export const POSTHOG_SURVEY = '01900000-0000-7000-8000-000000000001';

/** The snippets, as each vendor's documentation gives them, pointed at the asset origin. */
const snippets = (/** @type {string} */ assets) => ({
  none: '',
  pulse:
    '<script>window.pulse=window.pulse||function(){(pulse.q=pulse.q||[]).push(arguments)}</script>\n' +
    `    <script async src="${assets}/sdk/pulse.js" data-site="${PULSE_SITE}"></script>\n` +
    `    <link rel="preconnect" href="${assets}" crossorigin>`,
  posthog: `<script>
      !function(t,e){var o,n,p,r;e.__SV||(window.posthog&&window.posthog.__loaded)||(window.posthog=e,e._i=[],e.init=function(i,s,a){function g(t,e){var o=e.split(".");2==o.length&&(t=t[o[0]],e=o[1]),t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}}(p=t.createElement("script")).type="text/javascript",p.crossOrigin="anonymous",p.async=!0,p.src=s.api_host.replace(".i.posthog.com","-assets.i.posthog.com")+"/static/array.js",(r=t.getElementsByTagName("script")[0]).parentNode.insertBefore(p,r);var u=e;for(void 0!==a?u=e[a]=[]:a="posthog",u.people=u.people||[],u.toString=function(t){var e="posthog";return"posthog"!==a&&(e+="."+a),t||(e+=" (stub)"),e},u.people.toString=function(){return u.toString(1)+".people (stub)"},o="init capture register register_once register_for_session unregister unregister_for_session getFeatureFlag getFeatureFlagPayload isFeatureEnabled reloadFeatureFlags updateEarlyAccessFeatureEnrollment getEarlyAccessFeatures on onFeatureFlags onSurveysLoaded onSessionId getSurveys getActiveMatchingSurveys renderSurvey displaySurvey canRenderSurvey canRenderSurveyAsync identify setPersonProperties group resetGroups setPersonPropertiesForFlags resetPersonPropertiesForFlags setGroupPropertiesForFlags resetGroupPropertiesForFlags reset get_distinct_id getGroups get_session_id get_session_replay_url alias set_config startSessionRecording stopSessionRecording sessionRecordingStarted captureException loadToolbar get_property getSessionProperty createPersonProfile opt_in_capturing opt_out_capturing has_opted_in_capturing has_opted_out_capturing clear_opt_in_out_capturing debug getPageViewId".split(" "),n=0;n<o.length;n++)g(u,o[n]);e._i.push([i,s,a])},e.__SV=1)}(document,window.posthog||[]);
      posthog.init('${POSTHOG_TOKEN}', { api_host: '${assets}', defaults: '2025-05-24', person_profiles: 'identified_only' });
    </script>`,
});

/**
 * PostHog's remote config with what Pulse also does turned on: autocapture (clicks, rage clicks), dead clicks, web
 * vitals, exception autocapture and surveys; off what Pulse does not do (session replay, heatmaps).
 */
const POSTHOG_CONFIG = {
  token: POSTHOG_TOKEN,
  supportedCompression: ['gzip', 'gzip-js'],
  hasFeatureFlags: false,
  captureDeadClicks: true,
  capturePerformance: { network_timing: false, web_vitals: true, web_vitals_allowed_metrics: null },
  autocapture_opt_out: false,
  autocaptureExceptions: true,
  errorTracking: { autocaptureExceptions: true, suppressionRules: [] },
  analytics: { endpoint: '/i/v0/e/' },
  elementsChainAsString: true,
  sessionRecording: false,
  heatmaps: false,
  surveys: true,
  defaultIdentifiedOnly: true,
  siteApps: [],
};

/** PostHog's survey: the bench NPS, shown on its own only after an order, as Pulse's is. */
const POSTHOG_SURVEYS = {
  surveys: [
    {
      id: POSTHOG_SURVEY,
      name: 'Net Promoter Score',
      type: 'popover',
      questions: [
        {
          id: 'score',
          type: 'rating',
          display: 'number',
          scale: 10,
          question: 'How likely are you to recommend us to a friend?',
          lowerBoundLabel: 'Not at all likely',
          upperBoundLabel: 'Extremely likely',
        },
      ],
      conditions: { events: { repeatedActivation: false, values: [{ name: 'order_placed' }] } },
      appearance: { position: 'right', displayThankYouMessage: true, thankYouMessageHeader: 'Thank you!' },
      start_date: '2025-01-01T00:00:00Z',
      end_date: null,
      current_iteration: null,
      current_iteration_start_date: null,
      linked_flag_key: null,
      targeting_flag_key: null,
      internal_targeting_flag_key: null,
      feature_flag_keys: [],
      schedule: 'once',
    },
  ],
};

const PULSE_CONFIG = JSON.stringify({ surveys: SURVEYS, thresholds: {} });
const PULSE_ETAG = `"${createHash('sha256').update(PULSE_CONFIG).digest('hex').slice(0, 32)}"`;

/** How the collector caches an SDK file (collector/src/routes/assets.ts): content-hashed chunks for a year. */
const sdkCaching = (/** @type {string} */ path) =>
  /^[a-z]+-[\w-]{6,}\.js$/.test(basename(path))
    ? 'public, max-age=31536000, immutable'
    : 'public, max-age=300, must-revalidate';

/** @typedef {{ pulseEvents: number, posthogRequests: number, unknown: string[] }} Traffic */

/**
 * Starts both origins on 127.0.0.1; resolves once they listen. `traffic` counts what reached the stubs.
 * @param {{ pagePort: number, assetPort: number }} ports
 */
export const serveBench = async ({ pagePort, assetPort }) => {
  const assets = `http://127.0.0.1:${assetPort}`;
  const pages = snippets(assets);
  /** @type {Traffic} */
  const traffic = { pulseEvents: 0, posthogRequests: 0, unknown: [] };

  const page = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const variant = /** @type {keyof typeof pages} */ (url.pathname.slice(1));
    if (!(variant in pages)) {
      response.writeHead(404).end();
      return;
    }
    /** @type {Record<string, string>} */
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' };
    if (url.searchParams.has('isolated')) {
      headers['Cross-Origin-Opener-Policy'] = 'same-origin';
      headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
    }
    response.writeHead(200, headers).end(PAGE.replace('<!--SDK-->', pages[variant]));
  });

  const asset = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const origin = request.headers.origin ?? '*';
    /** @type {Record<string, string>} */
    const cors = {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '*',
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Cross-Origin-Resource-Policy': 'cross-origin',
      Vary: 'Origin',
    };
    const send = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string | Buffer} */ body) =>
      response.writeHead(status, { ...cors, 'Content-Type': type }).end(body);
    const json = (/** @type {unknown} */ body, status = 200) => send(status, 'application/json', JSON.stringify(body));
    let body = '';
    for await (const chunk of request) body += chunk;
    if (request.method === 'OPTIONS') return response.writeHead(204, cors).end();
    const path = url.pathname;
    try {
      if (path.startsWith('/sdk/'))
        return response
          .writeHead(200, { ...cors, 'Content-Type': 'text/javascript', 'Cache-Control': sdkCaching(path) })
          .end(await readFile(PULSE_DIST + basename(path)));
      if (/^\/v1\/sites\/[^/]+\/config$/.test(path))
        return response
          .writeHead(200, {
            ...cors,
            'Content-Type': 'application/json',
            'Cache-Control': 'public, max-age=60',
            ETag: PULSE_ETAG,
          })
          .end(PULSE_CONFIG);
      if (path === '/v1/events') {
        const events = JSON.parse(body).events.length;
        traffic.pulseEvents += events;
        return json({ accepted: events, rejected: [] }, 202);
      }
      traffic.posthogRequests++;
      if (path.startsWith('/static/'))
        return send(200, 'text/javascript', await readFile(POSTHOG_DIST + basename(path)));
      if (path === `/array/${POSTHOG_TOKEN}/config.js`)
        return send(
          200,
          'text/javascript',
          `(function(){window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{};` +
            `window._POSTHOG_REMOTE_CONFIG[${JSON.stringify(POSTHOG_TOKEN)}]=${JSON.stringify({ config: POSTHOG_CONFIG, siteApps: [] })}})();`,
        );
      if (path === `/array/${POSTHOG_TOKEN}/config`) return json(POSTHOG_CONFIG);
      if (path.startsWith('/flags'))
        return json({ featureFlags: {}, featureFlagPayloads: {}, errorsWhileComputingFlags: false, flags: {} });
      if (path.startsWith('/api/surveys')) return json(POSTHOG_SURVEYS);
      if (request.method === 'POST') return json({ status: 1 });
      traffic.unknown.push(`${request.method} ${path}`);
      return json({ error: 'not found' }, 404);
    } catch {
      traffic.unknown.push(`${request.method} ${path}`);
      return json({ error: 'not found' }, 404);
    }
  });

  await Promise.all(
    [
      [page, pagePort],
      [asset, assetPort],
    ].map(
      ([server, port]) =>
        new Promise((done) =>
          /** @type {import('node:http').Server} */ (server).listen(port, '127.0.0.1', () => done(undefined)),
        ),
    ),
  );
  return {
    page: `http://127.0.0.1:${pagePort}`,
    assets,
    traffic,
    close: () => Promise.all([page, asset].map((server) => new Promise((done) => server.close(done)))),
  };
};
