/* The pause screen without a sign-in: show the pause plan from the copy of the plan this
   device keeps for use offline (only if the person switched that on; see safety.js).
   Nothing is fetched from the network and nothing new is stored. */
(function () {
  "use strict";
  var box = document.querySelector(".js-device-plan");
  if (!box || !("caches" in window)) { return; }
  var PLAN_CACHE = "cove-plan";
  var keys = (box.getAttribute("data-parts") || "").split(" ");
  var planUrl = box.getAttribute("data-plan-url");

  // caches.open() would create an empty copy; ask first whether there is one at all.
  caches.has(PLAN_CACHE).then(function (kept) {
    if (!kept) { return null; }
    return caches.open(PLAN_CACHE).then(function (cache) { return cache.match(planUrl); });
  }).then(function (response) {
    return response ? response.text() : null;
  }).then(function (html) {
    if (!html) { return; }
    var plan = new DOMParser().parseFromString(html, "text/html");
    var holder = box.querySelector(".js-device-plan-parts");
    keys.forEach(function (key) {
      var heading = plan.getElementById("part-" + key + "-c");
      var part = heading && heading.closest("section");
      if (!part) { return; }
      var title = document.createElement("h3");
      title.textContent = heading.textContent;
      holder.appendChild(title);
      Array.prototype.forEach.call(part.children, function (child) {
        if (child !== heading && (child.tagName === "P" || child.tagName === "UL")) {
          holder.appendChild(document.importNode(child, true));
        }
      });
    });
    if (holder.children.length) { box.hidden = false; }
  }).catch(function () { /* no copy to show: the rest of the page still helps */ });
})();
