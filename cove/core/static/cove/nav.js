/* The menu: on narrow screens it folds behind the "Menu" button in the top bar.
   Without JavaScript the button stays hidden and the menu simply stays open. */
(function () {
  "use strict";
  var menu = document.getElementById("site-menu");
  var button = document.querySelector(".menu-toggle");
  if (!menu || !button) { return; }
  button.hidden = false;

  function set(open) {
    menu.classList.toggle("is-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  button.addEventListener("click", function () {
    var open = !menu.classList.contains("is-open");
    set(open);
    if (open) {
      var first = menu.querySelector("a, button");
      if (first) { first.focus(); }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.classList.contains("is-open")) {
      set(false);
      button.focus();
    }
  });
})();
