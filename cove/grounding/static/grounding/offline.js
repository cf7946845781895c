/* Offline support: register the service worker (/sw.js), keep an opted-in plan copy fresh,
   and forget that copy on sign-out and "Leave quickly". Public pages work without this. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) { return; }
  var PLAN_CACHE = "cove-plan";
  var CALM_URL = "/plan/calm/";

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
    /* Offline use is a bonus; the page works without it. */
  });

  function forgetPlan() {
    if ("caches" in window) { caches.delete(PLAN_CACHE); }
    // The worker outlives this page, so it finishes the job if the page goes first.
    var worker = navigator.serviceWorker.controller;
    if (worker) { worker.postMessage({ type: "forget-plan" }); }
  }

  // Sign-out: the server also sends Clear-Site-Data; this covers browsers that ignore it.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form && form.action && /\/account\/logout\/?$/.test(new URL(form.action).pathname)) {
      forgetPlan();
    }
  }, true);

  // "Leave quickly" (button or Shift three times) marks the page as leaving: forget at once.
  new MutationObserver(function () {
    if (document.documentElement.classList.contains("is-leaving")) { forgetPlan(); }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });

  // A kept copy of the plan is refreshed whenever a signed-in plan page is opened online.
  if ("caches" in window && navigator.onLine && location.pathname.indexOf("/plan/") === 0) {
    caches.has(PLAN_CACHE).then(function (kept) {
      if (!kept) { return; }
      return fetch(CALM_URL, { credentials: "same-origin" }).then(function (response) {
        if (response.ok && !response.redirected) {
          return caches.open(PLAN_CACHE).then(function (cache) { return cache.put(CALM_URL, response); });
        }
      });
    }).catch(function () { /* keep the copy we have */ });
  }
})();
