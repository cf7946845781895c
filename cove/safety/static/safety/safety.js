/* Safety pages: tap an example to add it, print buttons, and the "on this device" switch.
   Everything here is an enhancement: without JavaScript the forms post and work. */
(function () {
  "use strict";
  var PLAN_CACHE = "cove-plan";

  // Examples: add the text to the box straight away instead of posting the form.
  document.addEventListener("click", function (event) {
    var chip = event.target.closest && event.target.closest("button.chip[data-target]");
    if (!chip) { return; }
    var box = document.getElementById(chip.getAttribute("data-target"));
    if (!box) { return; }
    event.preventDefault();
    var text = chip.getAttribute("data-text");
    if (chip.hasAttribute("data-replace")) {
      box.value = text;
    } else {
      var current = box.value.replace(/\s+$/, "");
      var lines = current.split("\n").map(function (line) { return line.trim(); });
      // Tapped twice (or already typed): it is there once, never twice.
      if (lines.indexOf(text.trim()) === -1) {
        box.value = current ? current + "\n" + text : text;
      }
    }
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  });

  // Print buttons appear only when the browser can print from script.
  var printButtons = document.querySelectorAll(".js-print");
  if (printButtons.length && typeof window.print === "function") {
    printButtons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".js-no-print-button").forEach(function (el) { el.hidden = true; });
  }

  if (!("caches" in window) || !("serviceWorker" in navigator)) { return; }
  var CALM_URL = "/plan/calm/";
  var switchedOff = false;

  function mayKeep() {
    // Not after "switch off", sign-out or "Leave quickly" began (see grounding/offline.js).
    return !switchedOff && !document.documentElement.hasAttribute("data-forget-plan");
  }

  // A kept copy is refreshed whenever a plan page is opened online.
  var refreshing = !navigator.onLine ? Promise.resolve() : caches.has(PLAN_CACHE).then(function (kept) {
    if (!kept) { return; }
    return fetch(CALM_URL, { credentials: "same-origin" }).then(function (response) {
      if (response.ok && !response.redirected && mayKeep()) {
        return caches.open(PLAN_CACHE).then(function (cache) { return cache.put(CALM_URL, response); });
      }
    });
  }).catch(function () { /* keep the copy we have */ });

  // Keep (or remove) a copy of the calm view for use without internet, on this device only.
  var box = document.querySelector(".offline-switch");
  if (!box) { return; }
  var calmUrl = box.getAttribute("data-calm-url") || CALM_URL;
  var status = box.querySelector(".js-offline-status");
  var on = box.querySelector(".js-offline-on");
  var off = box.querySelector(".js-offline-off");
  var said = {
    kept: box.getAttribute("data-said-kept") || "A copy of your plan is kept on this device.",
    none: box.getAttribute("data-said-none") || "No copy of your plan is kept on this device.",
    error: box.getAttribute("data-said-error") || "That did not work. Nothing was kept."
  };

  function show(kept, message) {
    status.textContent = message || (kept ? said.kept : said.none);
    on.hidden = kept;
    off.hidden = !kept;
  }

  caches.has(PLAN_CACHE).then(function (kept) { show(kept); });

  on.addEventListener("click", function () {
    switchedOff = false;
    caches.open(PLAN_CACHE).then(function (cache) {
      return fetch(calmUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok || response.redirected) { throw new Error("not saved"); }
        return cache.put(calmUrl, response);
      });
    }).then(function () { show(true); off.focus(); })
      .catch(function () { caches.delete(PLAN_CACHE); show(false, said.error); });
  });

  off.addEventListener("click", function () {
    switchedOff = true;
    // Wait for a refresh that may be under way, so it cannot bring the copy back.
    refreshing.then(function () { return caches.delete(PLAN_CACHE); })
      .then(function () { show(false); on.focus(); });
  });
})();
