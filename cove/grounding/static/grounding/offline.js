/* Offline support: register the service worker (/sw.js), and forget an opted-in copy of
   the plan on sign-out and "Leave quickly". Public pages work without this. The copy is
   made and refreshed by safety/safety.js, on plan pages only. */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) { return; }
  var PLAN_CACHE = "cove-plan";

  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
    /* Offline use is a bonus; the page works without it. */
  });

  function forgetPlan() {
    document.documentElement.setAttribute("data-forget-plan", "1");
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
})();
