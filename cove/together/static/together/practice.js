// The shared practice screen. htmx asks for the state once a second and swaps it in when
// it changed (a pause from either screen); then focus moves to the new heading, so
// keyboard and screen reader users notice at once.
(function () {
  "use strict";
  var box = document.getElementById("shared-practice");
  var last = box ? box.getAttribute("data-state") : null;
  document.addEventListener("htmx:afterSettle", function () {
    var fresh = document.getElementById("shared-practice");
    if (!fresh) return;
    var state = fresh.getAttribute("data-state");
    if (state === last) return;
    last = state;
    var heading = fresh.querySelector(".t-state-h");
    if (heading) heading.focus();
  });
})();
