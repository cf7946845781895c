/* Fold the tools menu behind a "Menu" button on narrow screens. Without JavaScript the
   menu simply stays open. */
(function () {
  "use strict";
  var nav = document.querySelector(".area-nav");
  var button = nav && nav.querySelector(".area-nav__toggle");
  if (!button) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = nav.classList.toggle("is-open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();
