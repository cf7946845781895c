// Fill the code box from a scanned QR link (the code rides in the #fragment, which never
// reaches the server), then take it out of the address bar.
(function () {
  var box = document.getElementById("id_code");
  var code = window.location.hash.replace("#", "");
  if (box && code && /^[A-Za-z0-9-]{8,9}$/.test(code)) {
    box.value = code;
    history.replaceState(null, "", window.location.pathname);
  }
})();
