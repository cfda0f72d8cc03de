// The service worker of Call to Arms: it keeps the game's files, so that the
// game installs and plays offline (it needs no server once loaded). The
// build (make wasm, web.Prepare) writes this build's version and files here.
"use strict";
const VERSION = "__VERSION__";
const CACHE = "ds9-" + VERSION;
const FILES = __FILES__;

self.addEventListener("install", (e) => {
  // Every file of this version, fresh from the server, or none.
  e.waitUntil(caches.open(CACHE)
    .then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: "no-cache" }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (e) => {
  // Older versions' files go.
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("ds9-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// timeout rejects after ms: a network that does not answer is no network.
const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), ms));

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    // The page: the server's when it answers (a new build is picked up on
    // the next load), else this version's.
    e.respondWith(Promise.race([fetch(req), timeout(4000)]).then((r) => {
      if (!r || !r.ok) throw new Error("no page");
      return r;
    }).catch(() => caches.open(CACHE).then((c) => c.match("./", { ignoreSearch: true })
      .then((hit) => hit || c.match("index.html", { ignoreSearch: true })))
      .then((hit) => hit || Response.error())));
    return;
  }
  // The game's files: the cache's (their addresses carry the version), else
  // the server's.
  e.respondWith(caches.open(CACHE).then((c) => c.match(req).then((hit) => hit || fetch(req))));
});
