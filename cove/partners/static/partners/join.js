// Fill the code from the link's #fragment (a QR code scanned in person). The fragment
// never reaches the server; without JavaScript the person types the code instead.
(function () {
  "use strict";
  var code = decodeURIComponent((window.location.hash || "").slice(1));
  var box = document.getElementById("id_code");
  if (!box || !/^[A-Za-z0-9-]{8,9}$/.test(code)) { return; }
  box.value = code.toUpperCase();
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname);
  }
})();
