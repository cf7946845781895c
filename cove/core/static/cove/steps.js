/* Forms in steps (cove.core.steps): with htmx only the step is swapped; focus moves to the
   new step's title so a screen reader hears where it is. A step that needs a look (409,
   a message on a field) is swapped in too. Without JavaScript every button posts. */
(function () {
  "use strict";
  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.id === "steps" && (event.detail.xhr.status === 409)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var steps = document.getElementById("steps");
    var target = event.detail.target;
    if (!steps || !target || (target.id !== "steps" && target.isConnected)) { return; }
    var alert = steps.querySelector("#changed-elsewhere, .field--error");
    var title = alert || steps.querySelector(".steps-title");
    if (title) {
      if (!title.hasAttribute("tabindex")) { title.setAttribute("tabindex", "-1"); }
      title.focus();
      window.scrollTo(0, 0);
    }
  });
})();
