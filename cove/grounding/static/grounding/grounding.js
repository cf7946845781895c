/* Runs one grounding exercise: start, pause, carry on and stop at any moment.
   - Phase changes are announced once in a polite live region (never every second).
   - The shape grows and shrinks with the breath; with reduced motion it stays still and
     the words and the count carry the pace.
   - Sound stays off unless the person ticks the box; tones are made here (Web Audio).
   Without JavaScript the page shows the same exercise as readable steps. */
(function () {
  "use strict";
  var runner = document.getElementById("runner");
  var dataEl = document.getElementById("exercise-data");
  if (!runner || !dataEl) { return; }
  var data = JSON.parse(dataEl.textContent);
  runner.hidden = false;

  function q(sel) { return runner.querySelector(sel); }
  var shape = q(".pacer__shape");
  var phaseText = q(".js-phase");
  var countText = q(".js-count");
  var detailText = q(".js-detail");
  var live = q(".js-live");
  var notes = runner.querySelectorAll(".js-note");  // one optional box per self-paced step
  var settings = q(".runner__settings");  // fixed while a run is under way
  var buttons = {
    start: q(".js-start"), pause: q(".js-pause"), resume: q(".js-resume"),
    next: q(".js-next"), stop: q(".js-stop")
  };
  var said = function (name) { return runner.getAttribute("data-said-" + name) || ""; };
  var fill = function (text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return String(values[key]); });
  };

  var state = "idle";       // idle | running | paused
  var sequence = [];        // phases for this run, after settings
  var index = 0;            // position in sequence
  var remaining = 0;        // whole seconds left in the current phase
  var timer = null;
  var audio = null;

  function setting(name, fallback) {
    var el = runner.querySelector('[data-setting="' + name + '"]');
    if (!el) { return fallback; }
    if (el.type === "checkbox") { return el.checked; }
    return parseInt(el.value, 10);
  }

  // Optional phases (breath holds, belly and thighs) run only when their box is ticked.
  function buildSequence() {
    var phases = data.phases.filter(function (p) {
      return !p.optional || setting(p.optional, false);
    }).map(function (p) {
      var copy = Object.assign({}, p);
      if (p.kind === "in" && setting("in", 0)) { copy.seconds = setting("in", p.seconds); }
      if (p.kind === "out" && setting("out", 0)) { copy.seconds = setting("out", p.seconds); }
      return copy;
    });
    if (data.longerOut) {
      // Never a breath out shorter than (or as short as) the breath in.
      var breathIn = phases.filter(function (p) { return p.kind === "in"; })[0];
      phases.forEach(function (p) {
        if (p.kind === "out" && breathIn && p.seconds <= breathIn.seconds) {
          p.seconds = breathIn.seconds + 1;
        }
      });
    }
    var rounds = setting("rounds", data.rounds);
    if (data.roundsFromMinutes) {
      var perRound = phases.reduce(function (sum, p) { return sum + p.seconds; }, 0);
      rounds = Math.max(1, Math.round(setting("minutes", 3) * 60 / perRound));
    }
    var out = [];
    for (var r = 0; r < rounds; r++) {
      phases.forEach(function (p, i) {
        out.push(Object.assign({ round: r + 1, rounds: rounds, first: i === 0 }, p));
      });
    }
    return out;
  }

  // Paced breathing: breath-out choices that are not longer than the breath in are
  // switched off, and the breath out moves up when the breath in grows past it.
  function keepOutLonger() {
    var inEl = runner.querySelector('[data-setting="in"]');
    var outEl = runner.querySelector('[data-setting="out"]');
    if (!data.longerOut || !inEl || !outEl) { return; }
    var breathIn = parseInt(inEl.value, 10);
    var firstAllowed = null;
    Array.prototype.forEach.call(outEl.options, function (option) {
      option.disabled = parseInt(option.value, 10) <= breathIn;
      if (!option.disabled && firstAllowed === null) { firstAllowed = option.value; }
    });
    if (parseInt(outEl.value, 10) <= breathIn && firstAllowed !== null) {
      outEl.value = firstAllowed;
    }
  }

  // During a run only the current step's box shows; at the end, every box with words in
  // it shows again, so the person can read back what they noticed.
  function showNote(position) {
    Array.prototype.forEach.call(notes, function (note) {
      if (position === null) {
        note.hidden = !note.querySelector("textarea").value.trim();
      } else {
        note.hidden = note.getAttribute("data-phase") !== String(position);
      }
    });
  }

  function show(names) {
    Object.keys(buttons).forEach(function (key) {
      if (buttons[key]) { buttons[key].hidden = names.indexOf(key) === -1; }
    });
  }

  function announce(text) {
    // Clear first so the same words (two "Hold" phases) are announced again.
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  function tone(kind) {
    if (!setting("sound-on", false)) { return; }
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = kind === "out" || kind === "release" ? 330 : 440;
      gain.gain.setValueAtTime(0.0001, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.08, audio.currentTime + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.4);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.45);
    } catch (e) { /* no sound is fine */ }
  }

  function render(phase) {
    // The shape eases to this phase's size over the phase's own seconds (CSSOM, not a
    // style attribute, so the CSP allows it).
    shape.style.removeProperty("transform");
    shape.style.setProperty("--phase-seconds", (phase.seconds || 1) + "s");
    shape.setAttribute("data-kind", phase.kind);
    phaseText.textContent = phase.label;
    detailText.textContent = phase.detail || "";
    countText.textContent = phase.seconds ? fill(said("seconds"), { n: remaining }) : "";
  }

  function startPhase() {
    var phase = sequence[index];
    remaining = phase.seconds;
    render(phase);
    if (data.selfPaced) { showNote(index); }
    tone(phase.kind);
    var words = phase.label;
    if (data.selfPaced) {
      words = fill(said("step"), { n: index + 1, total: sequence.length }) + " " + phase.label +
        ". " + (phase.detail || "");
    } else if (phase.first && phase.rounds > 1) {
      words = fill(said("round"), { n: phase.round, total: phase.rounds }) + " " + phase.label;
    }
    announce(words);
    if (!data.selfPaced) { tick(); }
  }

  function tick() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      if (state !== "running") { return; }
      remaining -= 1;
      if (remaining > 0) {
        countText.textContent = fill(said("seconds"), { n: remaining });
        tick();
      } else {
        advance();
      }
    }, 1000);
  }

  function advance() {
    index += 1;
    if (index >= sequence.length) { finish(said("done")); return; }
    startPhase();
  }

  function start() {
    sequence = buildSequence();
    index = 0;
    state = "running";
    runner.classList.add("is-running");
    runner.classList.remove("is-paused");
    if (settings) { settings.disabled = true; }
    show(data.selfPaced ? ["pause", "next", "stop"] : ["pause", "stop"]);
    buttons.pause.focus();
    startPhase();
  }

  function pause() {
    if (state !== "running") { return; }
    state = "paused";
    window.clearTimeout(timer);
    // Hold the shape exactly where it is until "Carry on".
    var now = window.getComputedStyle(shape).transform;
    shape.style.setProperty("--phase-seconds", "0s");
    shape.style.transform = now;
    runner.classList.add("is-paused");
    show(["resume", "stop"]);
    buttons.resume.focus();
    announce(said("paused"));
  }

  function resume() {
    if (state !== "paused") { return; }
    state = "running";
    runner.classList.remove("is-paused");
    // Ease on from where it was held, over the seconds left in this phase.
    shape.style.setProperty("--phase-seconds", Math.max(remaining, 1) + "s");
    void shape.offsetWidth;
    shape.style.removeProperty("transform");
    show(data.selfPaced ? ["pause", "next", "stop"] : ["pause", "stop"]);
    buttons.pause.focus();
    announce(sequence[index].label);
    if (!data.selfPaced) { tick(); }
  }

  function finish(message) {
    window.clearTimeout(timer);
    state = "idle";
    runner.classList.remove("is-running", "is-paused");
    if (settings) { settings.disabled = false; }
    shape.style.removeProperty("transform");
    shape.style.removeProperty("--phase-seconds");
    shape.setAttribute("data-kind", "rest");
    phaseText.textContent = message;
    countText.textContent = "";
    detailText.textContent = "";
    show(["start"]);
    showNote(null);
    announce(message);
    // Gently offer the "how are you now?" question; it can be skipped.
    var after = document.getElementById("after");
    if (after) { after.focus(); }
  }

  var inSetting = runner.querySelector('[data-setting="in"]');
  if (inSetting) { inSetting.addEventListener("change", keepOutLonger); }
  keepOutLonger();

  buttons.start.addEventListener("click", start);
  buttons.pause.addEventListener("click", pause);
  buttons.resume.addEventListener("click", resume);
  buttons.stop.addEventListener("click", function () { finish(said("stopped")); });
  if (buttons.next) { buttons.next.addEventListener("click", function () { if (state === "running") { advance(); } }); }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state !== "idle") { finish(said("stopped")); }
  });
  // Leaving the tab pauses a timed exercise, so nothing runs on unseen.
  document.addEventListener("visibilitychange", function () {
    if (document.hidden && state === "running" && !data.selfPaced) { pause(); }
  });
})();
