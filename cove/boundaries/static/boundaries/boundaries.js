// Small enhancements for the boundaries pages. Everything works without this file.
(function () {
  "use strict";

  // Summary: a Print button (the browser's own print option works without it).
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Rehearse: left and right arrow keys move between phrases, unless typing in a field.
  var links = document.querySelectorAll("a[data-key]");
  if (links.length) {
    document.querySelectorAll("[data-js-hint]").forEach(function (hint) { hint.hidden = false; });
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      var target = event.target;
      if (target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA")) { return; }
      var link = document.querySelector('a[data-key="' + event.key + '"]');
      if (link) {
        event.preventDefault();
        link.click();
      }
    });
    var phrase = document.getElementById("phrase");
    if (phrase && window.location.hash === "#phrase") { phrase.focus(); }
  }
})();
