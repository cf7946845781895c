/* Leave quickly: blank the page at once, end the session, and replace this history
   entry with a neutral address. Works by click, or by pressing Shift three times.
   Without JavaScript the same button posts a form that ends the session and redirects. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var SHIFT_WINDOW_MS = 1200;
  var shiftTimes = [];
  var leaving = false;

  function form() { return document.querySelector("#quick-exit form"); }

  function blank() {
    document.documentElement.classList.add("is-leaving");
    document.title = "";
    if (document.body) { document.body.replaceChildren(); }
  }

  function leave(event) {
    if (event) { event.preventDefault(); }
    if (leaving) { return; }
    leaving = true;
    var f = form();
    var target = (f && f.getAttribute("data-exit-url")) || "about:blank";
    var signedIn = f && f.getAttribute("data-signed-in") === "1";
    var data = f ? new FormData(f) : null;
    var action = f ? f.action : null;
    blank();
    try { sessionStorage.clear(); } catch (e) { /* storage may be off */ }
    // An offline copy of the safety plan, if the person kept one on this device.
    try { if (window.caches) { caches.delete("cove-plan"); } } catch (e) { /* no caches */ }
    if (signedIn && action && data) {
      var sent = false;
      try { sent = navigator.sendBeacon(action, data); } catch (e) { sent = false; }
      if (!sent) {
        try { fetch(action, { method: "POST", body: data, credentials: "same-origin", keepalive: true }); }
        catch (e) { /* the session still ends on its idle timeout */ }
      }
    }
    window.location.replace(target);
  }

  document.addEventListener("submit", function (event) {
    if (event.target && event.target.closest && event.target.closest("#quick-exit")) { leave(event); }
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { shiftTimes = []; return; }
    if (event.repeat) { return; }
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (t) { return now - t < SHIFT_WINDOW_MS; });
    shiftTimes.push(now);
    if (shiftTimes.length >= 3) { shiftTimes = []; leave(null); }
  }, true);

  // A page brought back from the back/forward cache must not show what was on it.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { blank(); window.location.reload(); }
  });
})();
