/* Presence: a signed-in page stays open while it is used, warns calmly before the idle
   limit, and locks in place when the limit passes: the content is taken off the page and
   held only in this script's memory, the passphrase is asked right here, and whatever was
   typed comes back with the page. Nothing typed is ever put in a browser store, and the
   heartbeat carries no content. Tabs of one browser keep in step (BroadcastChannel): when
   one locks, is signed out or leaves, so do the others. Without JavaScript the server does
   the same with its own pages (see cove/accounts/middleware.py). */
(function () {
  "use strict";
  var config = document.getElementById("presence");
  if (!config || !document.getElementById("main")) { return; }

  function data(name) { return config.getAttribute("data-" + name) || ""; }
  function seconds(name) { return parseFloat(data(name)) || 0; }

  // The page locks a moment before the server would, never after.
  var MARGIN_MS = 1500;
  var state = data("state");
  var owner = data("owner");
  var isPublic = data("public") === "1";
  var limitMs = seconds("limit-seconds") * 1000;
  var warnMs = seconds("warn-seconds") * 1000;
  var deadline = Date.now() + seconds("seconds-left") * 1000 - MARGIN_MS;
  var beatEveryMs = Math.max(1500, Math.min(60000, limitMs / 5));
  var lastSent = Date.now();
  var activeSince = 0;
  var inflight = false;
  var locked = false;
  var keepaliveUntil = 0;
  var kept = null;
  var keptIn = null;
  var keptFocus = null;
  var keptScroll = 0;
  var keptTitle = document.title;

  var warning = document.getElementById("presence-warning");
  var panel = document.getElementById("presence-lock");
  var panelHome = panel ? panel.parentNode : null;
  var form = panel && panel.querySelector(".js-lock-form");
  var channel = null;
  try { channel = new BroadcastChannel("cove-presence"); } catch (e) { channel = null; }

  function tell(message) {
    message.owner = owner;
    if (channel) { try { channel.postMessage(message); } catch (e) { /* tab closing */ } }
  }

  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) { return decodeURIComponent(match[1]); }
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setCsrf(token) {
    if (!token) { return; }
    var roots = [document];
    if (kept) { roots.push(kept); }
    roots.forEach(function (root) {
      root.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach(function (input) {
        input.value = token;
      });
    });
    var body = document.body;
    if (body && body.hasAttribute("hx-headers")) {
      body.setAttribute("hx-headers", JSON.stringify({ "X-CSRFToken": token }));
    }
  }

  function post(url, extra) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrf());
    if (extra) { extra.forEach(function (pair) { body.append(pair[0], pair[1]); }); }
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf() }
    });
  }

  // ---- Warning --------------------------------------------------------------------------
  function showWarning() { if (warning && warning.hidden) { warning.hidden = false; } }
  function hideWarning() { if (warning && !warning.hidden) { warning.hidden = true; } }

  // ---- The server's answers -------------------------------------------------------------
  function adopt(answer) {
    if (!answer) { return; }
    if (answer.state === "open") {
      deadline = Date.now() + (answer.seconds_left || 0) * 1000 - MARGIN_MS;
      if (answer.warn_seconds) { warnMs = answer.warn_seconds * 1000; }
      hideWarning();
      tell({ type: "alive", deadline: deadline });
    } else if (answer.state === "locked" || answer.state === "signed_out") {
      lock(answer.state, true, false);
    }
  }

  function beat() {
    if (inflight || locked) { return; }
    inflight = true;
    activeSince = 0;
    lastSent = Date.now();
    post(data("beat-url")).then(function (response) {
      return response.status === 429 ? null : response.json();
    }).then(function (answer) {
      inflight = false;
      adopt(answer);
    }).catch(function () {
      // No network: the page keeps its own clock and locks on time all the same.
      inflight = false;
    });
  }

  // ---- Locking in place -----------------------------------------------------------------
  function setMode(mode) {
    if (!panel) { return; }
    var signedOut = mode === "signed_out";
    panel.querySelector(".js-said-locked").hidden = signedOut;
    panel.querySelector(".js-said-signed-out").hidden = !signedOut;
    panel.querySelector(".js-lock-username").hidden = !signedOut;
    panel.setAttribute("data-mode", mode);
  }

  function blank() {
    // Looked up now: htmx may have swapped <main> since the page loaded (journal search).
    var main = document.getElementById("main");
    if (!main) { return; }
    keptIn = main;
    keptFocus = main.contains(document.activeElement) ? document.activeElement : null;
    keptScroll = window.scrollY;
    kept = document.createDocumentFragment();
    while (main.firstChild) { kept.appendChild(main.firstChild); }
    document.documentElement.classList.add("is-locked");
    keptTitle = document.title;
    document.title = data("name");
    if (!panel) { return; }
    var extra = panel.querySelector(".js-lock-extra");
    extra.replaceChildren();
    // On a practice page, Pause stays within reach (it needs no passphrase).
    var pause = kept.querySelector(".pause-bar");
    if (pause) { extra.appendChild(pause.cloneNode(true)); }
    main.appendChild(panel);
    panel.hidden = false;
    panel.querySelector("h1").focus();
  }

  function lock(mode, fromHere, tellServer) {
    if (!locked) {
      locked = true;
      hideWarning();
      if (!isPublic && panel) { blank(); }
      if (tellServer && navigator.sendBeacon) {
        var body = new FormData();
        body.append("csrfmiddlewaretoken", csrf());
        try { navigator.sendBeacon(data("lock-url"), body); } catch (e) { /* locks on its own */ }
      }
    }
    setMode(mode);
    if (fromHere) { tell({ type: "lock", mode: mode }); }
  }

  function restore(answer) {
    locked = false;
    activeSince = 0;
    lastSent = Date.now();
    if (answer.csrf) { setCsrf(answer.csrf); }
    if (answer.seconds_left) { deadline = Date.now() + answer.seconds_left * 1000 - MARGIN_MS; }
    if (kept) {
      if (panel) { panel.hidden = true; panelHome.appendChild(panel); }
      keptIn.appendChild(kept);
      kept = null;
      document.title = keptTitle;
      window.scrollTo(0, keptScroll);
      if (keptFocus && document.contains(keptFocus)) { keptFocus.focus(); } else { keptIn.focus(); }
    }
    document.documentElement.classList.remove("is-locked");
  }

  function showError(message) {
    var box = panel.querySelector(".js-lock-error");
    box.textContent = message;
    box.hidden = !message;
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = [["owner", owner], ["passphrase", form.elements.passphrase.value]];
      if (panel.getAttribute("data-mode") === "signed_out") {
        fields.push(["username", form.elements.username.value]);
      }
      showError("");
      post(data("unlock-url"), fields).then(function (response) {
        return response.json();
      }).then(function (answer) {
        if (answer.state === "other_person") {
          // Someone else signed in here: this person's page must not come back.
          kept = null;
          window.location.replace("/");
          return;
        }
        if (answer.state === "open") {
          form.reset();
          restore(answer);
          tell({ type: "unlock", csrf: answer.csrf, seconds_left: answer.seconds_left });
          return;
        }
        setMode(answer.state);
        showError(answer.error || "");
      }).catch(function () { showError(data("said-offline")); });
    });
  }

  // ---- Tabs keep in step ----------------------------------------------------------------
  if (channel) {
    channel.onmessage = function (event) {
      var message = event.data || {};
      if (message.owner !== owner) { return; }
      if (message.type === "alive" && !locked && message.deadline > deadline) {
        deadline = message.deadline;
        hideWarning();
      } else if (message.type === "lock") {
        lock(message.mode || "locked", false, false);
      } else if (message.type === "unlock" && locked && state === "open") {
        restore(message);
      }
    };
  }

  // Signing out here signs out every tab: the others lock in place, keeping their words.
  document.addEventListener("submit", function (event) {
    var target = event.target;
    if (target && target.action && /\/account\/logout\/?$/.test(new URL(target.action).pathname)) {
      tell({ type: "lock", mode: "signed_out" });
    }
  }, true);

  if (state !== "open") { return; }

  // ---- Activity: typing, reading, touching ------------------------------------------------
  function activity() { if (!locked && !activeSince) { activeSince = Date.now(); } }
  ["keydown", "input", "pointerdown", "wheel", "scroll", "touchstart", "mousemove"].forEach(
    function (name) { document.addEventListener(name, activity, { passive: true, capture: true }); }
  );
  if (warning) {
    warning.querySelector(".js-stay").addEventListener("click", function () { beat(); });
  }
  // A practice keeps the session open while it runs, within a bound.
  var practice = document.querySelector("[data-keepalive-minutes]");
  if (practice) {
    keepaliveUntil = Date.now() +
      Math.min(120, parseFloat(practice.getAttribute("data-keepalive-minutes")) || 60) * 60000;
  }

  function tick() {
    if (locked) { return; }
    var now = Date.now();
    var left = deadline - now;
    if (left <= 0) {
      // Wait for a heartbeat already on its way, but not for long.
      if (!inflight || left < -5000) { lock("locked", true, true); }
      return;
    }
    var due = now - lastSent >= beatEveryMs || left < beatEveryMs + 2000;
    if (activeSince && due) {
      beat();
    } else if (keepaliveUntil > now && now - lastSent >= beatEveryMs) {
      beat();
    } else if (!activeSince && left <= warnMs) {
      showWarning();
    }
  }

  window.setInterval(tick, 1000);
  // Timers slow down in hidden tabs: check at once when the page is seen again.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { tick(); }
  });
  window.addEventListener("pageshow", tick);
})();
