// Foothold's service worker: keeps the whole app on the device so it opens with no
// connection. scripts/post-build.mjs fills in the version, the list of built files (with
// their hashed names) and which of them have no content hash in their name, and writes
// the result to dist/sw.js.
//
// It never takes over by itself: a new version waits until the page's "Reload" button
// posts SKIP_WAITING, so nobody's screen changes under them mid-task. Saved plans live
// in local storage, not in these caches, so updates never touch them.
//
// Two promises shape it:
// - Each file once on a first visit. The page registers this worker only after the app
//   has started, so everything the page downloaded is in the browser's HTTP cache. Files
//   with a content hash in their name never change, so they are taken from there (or
//   from an earlier version's cache) without asking the server again; only the files
//   the page has not fetched (other screens' code) cross the network. Install icons are
//   fetched only when something asks for them, and kept then.
// - Updates never strand an open tab. A tab that started on an earlier version keeps
//   asking for that version's files (its other screens' code) after a newer worker takes
//   over. So an earlier version's cache is kept while any open tab still runs it, and
//   requests the current cache cannot answer are looked up there.

const VERSION = "__FOOTHOLD_VERSION__";
const PRECACHE = __FOOTHOLD_PRECACHE__;
// Built files without a content hash in their name (index.html, the manifest, icons):
// these are revalidated with the server when precached, never taken on trust.
const REVALIDATE = __FOOTHOLD_REVALIDATE__;
// Install icons (the manifest's PNGs, the Apple touch icon): not precached, since only
// installing the app asks for them; each is kept the first time it is fetched.
const ON_DEMAND = new Set(__FOOTHOLD_ON_DEMAND__.map((path) => new URL(path, self.registration.scope).href));
const CACHE_PREFIX = "foothold-";
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const SCOPE = self.registration.scope;
const SHELL = new URL("index.html", SCOPE).href;
// How long an open tab has to say which version it runs before its silence counts as
// "maybe an earlier one", which keeps every earlier cache.
const ANSWER_MS = 3000;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

async function precache() {
  const cache = await caches.open(CACHE);
  const revalidate = new Set(REVALIDATE);
  await Promise.all(
    PRECACHE.map(async (path) => {
      const url = new URL(path, SCOPE).href;
      // A retried install keeps what an earlier attempt already stored.
      if (await cache.match(url)) return;
      let response = null;
      if (!revalidate.has(path)) {
        // Same name, same bytes: an earlier version's copy is as good as a download.
        response = await matchInOtherCaches(url);
        // "force-cache": the HTTP cache's copy (the one the page just downloaded) is used
        // even when the host asked for revalidation, since a hashed name cannot go stale.
        if (!response) response = await fetch(new Request(url, { cache: "force-cache" }));
      } else if (url === SHELL) {
        // The page was most likely opened at the scope's own address, which serves the
        // same file: revalidating that address lets the HTTP cache answer "not modified",
        // so the shell does not cross the network twice on a first visit.
        response = await fetch(new Request(SCOPE, { cache: "no-cache" }));
        if (!response.ok || response.redirected) response = await fetch(new Request(url, { cache: "no-cache" }));
      } else {
        response = await fetch(new Request(url, { cache: "no-cache" }));
      }
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      await cache.put(url, response);
    }),
  );
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await self.clients.claim();
      await dropCachesNoTabRuns();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "SKIP_WAITING") self.skipWaiting();
  // A page that has started asks for a tidy-up: the tab that kept an earlier cache alive
  // may have closed since.
  if (type === "TIDY") event.waitUntil(dropCachesNoTabRuns());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(fromCacheOrNetwork(request));
});

async function fromCacheOrNetwork(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  if (request.mode === "navigate") {
    // Every page of the app is the same shell; its routes live in the URL's #fragment.
    // A navigation always gets the current version's shell, so reloading updates a tab.
    const shell = await cache.match(SHELL);
    if (shell) return shell;
  }
  // A tab still running an earlier version asks for that version's files.
  const older = await matchInOtherCaches(request);
  if (older) return older;
  const url = new URL(request.url);
  url.search = "";
  if (ON_DEMAND.has(url.href)) {
    const response = await fetch(request);
    if (response.ok) await cache.put(url.href, response.clone());
    return response;
  }
  return fetch(request);
}

/** The earlier versions' caches, newest first. */
async function otherCaches() {
  const names = await caches.keys();
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).reverse();
}

async function matchInOtherCaches(request) {
  for (const name of await otherCaches()) {
    const cache = await caches.open(name);
    const response = await cache.match(request, { ignoreSearch: true });
    if (response) return response;
  }
  return null;
}

/**
 * Deletes the earlier versions' caches that no open tab runs. Each tab answers with the
 * address of the loader it started from (assets/loader.js, whose hashed name changes
 * with the app); a cache holding any of those loaders is kept. When a tab does not
 * answer (a tab of a version from before tabs could answer, or one the browser has
 * frozen), nothing is deleted: a later tidy-up will.
 */
async function dropCachesNoTabRuns() {
  const earlier = await otherCaches();
  if (earlier.length === 0) return;
  const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const answers = await Promise.all(tabs.map(askWhichLoader));
  if (answers.includes(null)) return;
  // A tab whose loader the current version also has runs files the current cache holds.
  const current = await caches.open(CACHE);
  const loaders = [];
  for (const loader of answers) if (!(await current.match(loader))) loaders.push(loader);
  for (const name of earlier) {
    const cache = await caches.open(name);
    const matches = await Promise.all(loaders.map((loader) => cache.match(loader)));
    if (!matches.some(Boolean)) await caches.delete(name);
  }
}

function askWhichLoader(client) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), ANSWER_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      const loader = event.data && event.data.loader;
      resolve(typeof loader === "string" ? loader : null);
    };
    client.postMessage({ type: "WHICH_LOADER" }, [channel.port2]);
  });
}
