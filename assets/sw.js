// Foothold's service worker: keeps the whole app on the device so it opens with no
// connection. scripts/post-build.mjs fills in the version and the list of built files
// (with their hashed names) and writes the result to dist/sw.js.
//
// It never takes over by itself: a new version waits until the page's "Reload" button
// posts SKIP_WAITING, so nobody's screen changes under them mid-task. Saved plans live
// in local storage, not in these caches, so updates never touch them.

const VERSION = "__FOOTHOLD_VERSION__";
const PRECACHE = __FOOTHOLD_PRECACHE__;
const CACHE_PREFIX = "foothold-";
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const SHELL = new URL("index.html", self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        PRECACHE.map((path) => new Request(new URL(path, self.registration.scope), { cache: "reload" })),
      ),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
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
    const shell = await cache.match(SHELL);
    if (shell) return shell;
  }
  return fetch(request);
}
