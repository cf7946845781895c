// The calm practice screen: a count-up timer the person can hide, and gentle check-ins
// that appear at the chosen interval. Without this script the page still works: the
// planned length is shown in words and the check-in buttons are always visible.
(function () {
  "use strict";
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function init() {
    var box = document.getElementById("timer");
    var clock = document.getElementById("timer-clock");
    var toggle = document.getElementById("timer-toggle");
    if (box && clock && toggle) {
      var started = Date.parse(box.getAttribute("data-started") || "") || Date.now();
      var tick = function () {
        var seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
        clock.textContent = Math.floor(seconds / 60) + ":" + pad(seconds % 60);
      };
      tick();
      window.setInterval(tick, 1000);
      clock.hidden = false;
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var hiding = !clock.hidden;
        clock.hidden = hiding;
        toggle.setAttribute("aria-pressed", hiding ? "true" : "false");
      });
    }
    var checkin = document.getElementById("gentle-checkin");
    if (checkin) {
      var every = parseInt(checkin.getAttribute("data-every"), 10) || 0;
      if (every > 0) {
        checkin.hidden = true;
        window.setTimeout(function () {
          checkin.hidden = false;
          var heading = document.getElementById("gentle-h");
          if (heading) { heading.focus(); }
        }, every * 60 * 1000);
      }
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
