/* "How are you now?": show the kind reply right here without sending the answer
   anywhere, or, when the person asked to keep it, send it in the background, so the
   answer never goes into an address or the tab's saved history. Without this script the
   form posts and the page comes back with the reply. */
(function () {
  "use strict";

  function keepInNotes(form) {
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    return fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" }
    }).then(function (response) { return response.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("after");
      var section = document.getElementById("after");
      // Anything else (the passphrase is asked first, say) is a page of its own.
      if (!fresh || !section) { throw new Error("not an answer"); }
      section.replaceWith(document.importNode(fresh, true));
      document.getElementById("after").focus();
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var replies = document.querySelector(".js-replies");
    if (!form.matches || !form.matches("form.js-answer") || !replies) { return; }
    event.preventDefault();
    var keep = form.elements.keep;
    if (keep && keep.checked) {
      keepInNotes(form).catch(function () { form.submit(); });
      return;
    }
    var chosen = form.querySelector("input[name=now]:checked");
    replies.querySelectorAll("[data-feeling]").forEach(function (reply) {
      reply.hidden = !chosen || reply.getAttribute("data-feeling") !== chosen.value;
    });
  });
})();
