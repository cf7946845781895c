/* Cove's service worker: public help, grounding and pause pages work with no network
   after the first visit. Signed-in pages are never cached, except the calm view of a
   person's own plan when they switch that on for this device (kept in its own cache,
   "cove-plan"). Pause in a practice never fails for want of a network: the kept pause
   screen answers instead. Every other request goes straight to the network. */
"use strict";
var VERSION = "{{ version }}";
var PUBLIC_CACHE = "cove-public-" + VERSION;
var PLAN_CACHE = "cove-plan";
var PAGES = {{ pages }};
var ASSETS = {{ assets }};
var PLAN_URL = {{ plan_url }};
var PAUSE_URL = {{ pause_url }};
var PAUSE_POSTS = new RegExp({{ pause_posts }});

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(PUBLIC_CACHE).then(function (cache) {
    // Without cookies: the kept copy is the signed-out page, whoever is signed in.
    return cache.addAll(PAGES.concat(ASSETS).map(function (url) {
      return new Request(url, { credentials: "omit" });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("cove-public-") === 0 && name !== PUBLIC_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "forget-plan") {
    event.waitUntil(caches.delete(PLAN_CACHE));
  }
});

function isPublicPage(path) {
  return PAGES.indexOf(path) !== -1;
}

function storable(response) {
  var control = response.headers.get("Cache-Control") || "";
  return response.ok && !response.redirected && control.indexOf("no-store") === -1;
}

function fromCache(cacheName, request, fallbackUrl) {
  return caches.open(cacheName).then(function (cache) {
    return cache.match(request, { ignoreVary: true }).then(function (hit) {
      return hit || cache.match(fallbackUrl, { ignoreVary: true, ignoreSearch: true });
    });
  }).then(function (hit) { return hit || Response.error(); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.method === "POST" && request.mode === "navigate" && PAUSE_POSTS.test(url.pathname)) {
    event.respondWith(fetch(request).catch(function () {
      return fromCache(PUBLIC_CACHE, PAUSE_URL, PAUSE_URL);
    }));
    return;
  }
  if (request.method !== "GET") { return; }

  if (ASSETS.indexOf(url.pathname) !== -1) {
    // Kept assets: answer from the cache at once, refresh it in the background.
    event.respondWith(caches.open(PUBLIC_CACHE).then(function (cache) {
      return cache.match(url.pathname).then(function (hit) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) { cache.put(url.pathname, response.clone()); }
          return response;
        });
        if (hit) { fresh.catch(function () {}); return hit; }
        return fresh;
      });
    }));
    return;
  }

  if (isPublicPage(url.pathname)) {
    // Network first, so people always see today's numbers; the kept copy when offline.
    event.respondWith(fetch(request).then(function (response) {
      if (storable(response) && !url.search) {
        var copy = response.clone();
        caches.open(PUBLIC_CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return response;
    }).catch(function () { return fromCache(PUBLIC_CACHE, url.pathname, url.pathname); }));
    return;
  }

  if (url.pathname === PLAN_URL) {
    // Never stored here: only the page's own switch puts a copy in PLAN_CACHE.
    event.respondWith(fetch(request).catch(function () {
      return fromCache(PLAN_CACHE, PLAN_URL, PLAN_URL);
    }));
  }
  // Everything else: not handled, so the browser goes to the network as usual.
});
