/* Journal search (posted with htmx, so no words reach an address or the tab's saved
   history): once results replace the page, take the reader to how many were found. */
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function () {
    var heading = document.getElementById("results-h");
    if (heading) { heading.focus(); }
  });
})();
