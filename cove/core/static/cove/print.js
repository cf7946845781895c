/* "Print or save as PDF": shown only when JavaScript can open the browser's print window.
   Without it, the browser's own Print menu does the same. */
(function () {
  "use strict";
  document.querySelectorAll(".js-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
