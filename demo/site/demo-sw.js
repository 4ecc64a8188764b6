// The demo's "Block the collector" switch: while the flag is set, every request this origin's pages make to the
// collector's API fails as if the network were down. The SDK's own files still load, so pages keep working and Pulse
// keeps capturing into its outbox. Registered only when a visitor first presses the switch.
const collector = new URL(location.href).searchParams.get('collector');
const BLOCKED = 'demo:collector-blocked';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== collector || !url.pathname.startsWith('/v1/')) return;
  event.respondWith(caches.has(BLOCKED).then((blocked) => (blocked ? Response.error() : fetch(event.request))));
});
