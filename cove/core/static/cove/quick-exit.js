/* Leave quickly: blank the page at once, end the session, and replace this history
   entry with a neutral address. Works by click, or by pressing Shift three times, from any
   tab (whatever its CSRF token), and every other tab of this site leaves too.
   Without JavaScript the same button posts a form that ends the session and redirects. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var SHIFT_WINDOW_MS = 1200;
  var shiftTimes = [];
  var leaving = false;
  var channel = null;
  try { channel = new BroadcastChannel("cove-presence"); } catch (e) { channel = null; }

  function form() { return document.querySelector("#quick-exit form"); }

  function blank() {
    document.documentElement.classList.add("is-leaving");
    document.title = "";
    if (document.body) { document.body.replaceChildren(); }
  }

  function go(told) {
    if (leaving) { return; }
    leaving = true;
    var f = form();
    var target = (f && f.getAttribute("data-exit-url")) || "about:blank";
    var data = f ? new FormData(f) : null;
    var action = f ? f.action : null;
    var cookie = f && f.getAttribute("data-left-cookie");
    blank();
    if (!told) {
      if (channel) { try { channel.postMessage({ type: "leave" }); } catch (e) { /* closing */ } }
      // Written before anything else can fail: the next request from this browser ends the
      // session even if the beacon below never reaches the server.
      if (cookie) {
        document.cookie = cookie + "=1; path=/; SameSite=Lax" +
          (cookie.indexOf("__Host-") === 0 ? "; Secure" : "");
      }
    }
    try { sessionStorage.clear(); } catch (e) { /* storage may be off */ }
    // An offline copy of the safety plan, if the person kept one on this device.
    try { if (window.caches) { caches.delete("cove-plan"); } } catch (e) { /* no caches */ }
    // Always sent, even from a page opened before signing in: another tab may be signed in.
    if (!told && action && data) {
      var sent = false;
      try { sent = navigator.sendBeacon(action, data); } catch (e) { sent = false; }
      if (!sent) {
        try { fetch(action, { method: "POST", body: data, credentials: "same-origin", keepalive: true }); }
        catch (e) { /* the cookie above ends the session on the next visit */ }
      }
    }
    window.location.replace(target);
  }

  function leave(event) {
    if (event) { event.preventDefault(); }
    go(false);
  }

  if (channel) {
    channel.addEventListener("message", function (event) {
      if (event.data && event.data.type === "leave") { go(true); }
    });
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
