// Drag to reorder the steps of one part of a ladder. "Move up" and "Move down" on a step's
// own page do the same without JavaScript and by keyboard; this only adds dragging by the
// handle. Only this part's steps are sent; the server keeps every other step in its place.
(function () {
  "use strict";
  function init() {
    var list = document.getElementById("steps");
    var form = document.getElementById("reorder-form");
    var status = document.getElementById("reorder-status");
    if (!list || !form || !window.fetch) { return; }
    var dragged = null;
    var items = list.querySelectorAll("li.step");
    for (var i = 0; i < items.length; i++) {
      var handle = items[i].querySelector(".step__handle");
      if (handle) { handle.hidden = false; }
      items[i].setAttribute("draggable", "true");
    }
    list.addEventListener("dragstart", function (event) {
      dragged = event.target.closest ? event.target.closest("li.step") : null;
      if (dragged) {
        dragged.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", dragged.getAttribute("data-step-id"));
      }
    });
    list.addEventListener("dragover", function (event) {
      if (!dragged) { return; }
      event.preventDefault();
      var over = event.target.closest ? event.target.closest("li.step") : null;
      if (!over || over === dragged) { return; }
      var box = over.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      list.insertBefore(dragged, after ? over.nextSibling : over);
    });
    list.addEventListener("dragend", function () {
      if (!dragged) { return; }
      dragged.classList.remove("is-dragging");
      dragged = null;
      renumber();
      save();
    });
    // Each step shows its place on the whole ladder; this part starts at the list's start.
    function renumber() {
      var numbers = list.querySelectorAll("li.step .step__number");
      var first = parseInt(list.getAttribute("start"), 10) || 1;
      for (var k = 0; k < numbers.length; k++) { numbers[k].textContent = String(first + k); }
    }
    function save() {
      var data = new FormData(form);
      var steps = list.querySelectorAll("li.step");
      for (var j = 0; j < steps.length; j++) { data.append("step", steps[j].getAttribute("data-step-id")); }
      fetch(form.action, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" }
      }).then(function (response) { return response.json(); })
        .then(function (body) { if (status) { status.textContent = body.detail || ""; } })
        .catch(function () { if (status) { status.textContent = ""; } });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
