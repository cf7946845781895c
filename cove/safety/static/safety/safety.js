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
      box.value = current ? current + "\n" + text : text;
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

  // Keep (or remove) a copy of the calm view for use without internet, on this device only.
  var box = document.querySelector(".offline-switch");
  if (!box || !("caches" in window) || !("serviceWorker" in navigator)) { return; }
  var calmUrl = box.getAttribute("data-calm-url");
  var status = box.querySelector(".js-offline-status");
  var on = box.querySelector(".js-offline-on");
  var off = box.querySelector(".js-offline-off");
  var said = {
    kept: box.getAttribute("data-said-kept") || "A copy of your plan is kept on this device.",
    none: box.getAttribute("data-said-none") || "No copy of your plan is kept on this device.",
    failed: box.getAttribute("data-said-failed") || "That did not work. Nothing was kept."
  };

  function show(kept, message) {
    status.textContent = message || (kept ? said.kept : said.none);
    on.hidden = kept;
    off.hidden = !kept;
  }

  caches.has(PLAN_CACHE).then(function (kept) { show(kept); });

  on.addEventListener("click", function () {
    caches.open(PLAN_CACHE).then(function (cache) {
      return fetch(calmUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok || response.redirected) { throw new Error("not saved"); }
        return cache.put(calmUrl, response);
      });
    }).then(function () { show(true); off.focus(); })
      .catch(function () { caches.delete(PLAN_CACHE); show(false, said.failed); });
  });

  off.addEventListener("click", function () {
    caches.delete(PLAN_CACHE).then(function () { show(false); on.focus(); });
  });
})();
