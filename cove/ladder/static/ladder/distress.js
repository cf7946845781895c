// Distress sliders: show the number and the person's own nearest words as it moves.
(function () {
  "use strict";
  var points = [0, 25, 50, 75, 100];
  function nearest(words, value) {
    var best = 0;
    for (var i = 1; i < points.length; i++) {
      if (Math.abs(points[i] - value) < Math.abs(points[best] - value)) { best = i; }
    }
    return words[best] || "";
  }
  function update(input) {
    var words = (input.getAttribute("data-words") || "").split("|");
    var value = parseInt(input.value, 10) || 0;
    var out = document.getElementById(input.id + "_out");
    var text = nearest(words, value);
    if (out) { out.textContent = value + (text ? " – " + text : ""); }
    input.setAttribute("aria-valuetext", value + (text ? ", " + text : ""));
  }
  function init() {
    var inputs = document.querySelectorAll("input.distress__input");
    for (var i = 0; i < inputs.length; i++) {
      update(inputs[i]);
      inputs[i].addEventListener("input", function (event) { update(event.target); });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
