// The demo's control panel, outside the Pulse widget: reset the visitor, start a second visit without waiting 30
// minutes, cut the page off from the collector's API, and open the dashboard. It is part of the demo, not of Pulse:
// a real site needs none of it. It changes the page only when the visitor uses it, so that it never hides a dead click.

(() => {
  const tag = document.querySelector('script[src$="/sdk/pulse.js"]');
  if (!tag) return;
  const collector = new URL(tag.src).origin;
  const writeKey = tag.dataset.site;
  /** A Cache Storage name used as a flag the page and the service worker both read. */
  const BLOCKED = 'demo:collector-blocked';
  const IDLE_MINUTES = 30;

  // The page holds the closed panel under its header, so that filling it in shifts nothing.
  const panel = document.querySelector('details.panel');
  if (!panel) return;
  // Clicks on the controls are the demo's, not the shop's: Pulse ignores them.
  panel.dataset.pulseIgnore = '';
  panel.innerHTML = `
    <summary>Demo controls</summary>
    <div class="panel-body">
      <p class="status" role="status"></p>
      <div class="actions">
        <button type="button" data-action="later">Come back later</button>
        <button type="button" data-action="reset">Reset the visitor</button>
        <button type="button" data-action="pro">Sign in as a Pro customer</button>
        <button type="button" data-action="offline" aria-pressed="false">Block the collector</button>
        <a class="button" href="${collector}/dashboard?site=__PULSE_SITE__" target="_blank" rel="noopener">Open the dashboard</a>
      </div>
      <ul class="help">
        <li><strong>Come back later</strong> pretends 30 minutes have passed, so the next page starts a new visit
          (the NPS prompt shows from the second visit on).</li>
        <li><strong>Reset the visitor</strong> forgets everything Pulse remembers in this browser for this shop (the
          visitor, their visits and which prompts they saw or answered) and empties the cart; events still waiting
          to be sent are kept.</li>
        <li><strong>Sign in as a Pro customer</strong> calls <code>pulse('identify', 'demo-customer', { plan: 'pro' })</code>:
          the demo site declares <code>plan</code> as a segment key, so the answers that follow count under Pro in the
          dashboard's "Scores by segment".</li>
        <li><strong>Block the collector</strong>: a web page cannot take a browser offline. This switch makes the
          demo's service worker refuse every request to the collector's API, as a lost connection would. Pulse keeps
          the events in its outbox (IndexedDB) and sends them once you switch back (the demo then fires the browser's
          <code>online</code> event). For the real thing, use DevTools → Network → Offline.</li>
        <li><strong>Open the dashboard</strong> and sign in with the read key that <code>npm start</code> printed.</li>
      </ul>
    </div>`;
  const status = panel.querySelector('.status');
  const offline = panel.querySelector('[data-action="offline"]');

  /** The SDK's visitor record (its localStorage format, read only by this demo). */
  const identity = () => {
    try {
      return JSON.parse(localStorage.getItem('pulse:id') || 'null');
    } catch {
      return null;
    }
  };

  /** Events waiting in the SDK's IndexedDB outbox, without creating the database when it does not exist yet. */
  const waiting = async () => {
    const name = `pulse:${writeKey}`;
    if (!(await indexedDB.databases()).some((database) => database.name === name)) return 0;
    return new Promise((resolve) => {
      const open = indexedDB.open(name);
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        try {
          // Events are keyed by their ids (strings); the lost-event tally sits under a number key.
          const count = open.result.transaction('outbox').objectStore('outbox').count(IDBKeyRange.lowerBound(''));
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => resolve(0);
        } catch {
          resolve(0);
        } finally {
          open.result.close();
        }
      };
    });
  };

  const isBlocked = () => caches.has(BLOCKED);

  const showStatus = async () => {
    const visits = identity()?.visits ?? 1;
    const blocked = await isBlocked();
    const events = await waiting();
    offline.setAttribute('aria-pressed', String(blocked));
    offline.textContent = blocked ? 'Unblock the collector' : 'Block the collector';
    status.textContent =
      `Visit ${visits} of this visitor. ${events} ${events === 1 ? 'event waits' : 'events wait'} in the outbox. ` +
      (blocked ? 'The collector is blocked.' : 'The collector is reachable.');
  };

  /** Blocks or unblocks the collector's API for this origin, through the demo's service worker. */
  const setBlocked = async (blocked) => {
    if (blocked) {
      const registration = await navigator.serviceWorker.register(
        `/demo-sw.js?collector=${encodeURIComponent(collector)}`,
      );
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((controlled) =>
          navigator.serviceWorker.addEventListener('controllerchange', controlled, { once: true }),
        );
      await caches.open(BLOCKED);
      return registration;
    }
    await caches.delete(BLOCKED);
    // Pulse sends at once when the browser says it is back online.
    window.dispatchEvent(new Event('online'));
  };

  panel.addEventListener('toggle', () => panel.open && showStatus());
  // The outbox fills and empties on its own (a blocked collector, a retry): an open panel keeps counting.
  setInterval(() => panel.open && document.visibilityState === 'visible' && showStatus(), 1000);
  panel.addEventListener('click', async (event) => {
    const action = event.target.closest?.('button')?.dataset.action;
    if (action === 'later') {
      const stored = identity();
      if (stored)
        localStorage.setItem('pulse:id', JSON.stringify({ ...stored, last: Date.now() - (IDLE_MINUTES + 1) * 60_000 }));
      location.reload();
    } else if (action === 'pro') {
      window.pulse('identify', 'demo-customer', { plan: 'pro' });
      status.textContent = 'Signed in as a Pro customer: the next answers count under plan Pro.';
    } else if (action === 'reset') {
      window.pulse('reset');
      for (const key of Object.keys(localStorage))
        if (key.startsWith('pulse:') || key.startsWith('shop:')) localStorage.removeItem(key);
      location.reload();
    } else if (action === 'offline') {
      offline.disabled = true;
      await setBlocked(!(await isBlocked()));
      offline.disabled = false;
      await showStatus();
      // What waited leaves within moments of reconnecting: count again then.
      setTimeout(() => panel.open && showStatus(), 2000);
    }
  });

  // A page opened while the collector is blocked says so at once.
  if ('caches' in window)
    isBlocked().then((blocked) => {
      if (!blocked) return;
      panel.open = true;
      panel.classList.add('blocked');
    });
})();
