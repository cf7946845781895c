// Record a voice note in the browser (MediaRecorder), listen back, keep or throw away.
// Without this script (or without a microphone) the page still works: choose a file.
// The recording is handed to the form's file box, so keeping it is an ordinary form post.
(function () {
  "use strict";
  var form = document.querySelector("[data-voice-form]");
  if (!form || !window.MediaRecorder || !navigator.mediaDevices ||
      !navigator.mediaDevices.getUserMedia || typeof DataTransfer === "undefined") {
    return;
  }
  var box = form.querySelector("[data-recorder]");
  var fileInput = form.querySelector("input[type=file]");
  var status = box.querySelector("[data-status]");
  var clock = box.querySelector("[data-time]");
  var buttons = {
    start: box.querySelector("[data-start]"),
    pause: box.querySelector("[data-pause]"),
    resume: box.querySelector("[data-resume]"),
    stop: box.querySelector("[data-stop]"),
    discard: box.querySelector("[data-discard]")
  };
  var review = box.querySelector("[data-review]");
  var playback = box.querySelector("[data-playback]");
  var maxSeconds = parseInt(form.getAttribute("data-max-seconds"), 10) || 600;
  var recorder = null, stream = null, parts = [], elapsed = 0, ticker = null, playUrl = null;
  // The words come from the page (translated there), never from this file.
  var text = {
    recording: box.dataset.msgRecording,
    paused: box.dataset.msgPaused,
    stopped: box.dataset.msgStopped,
    discarded: box.dataset.msgDiscarded,
    denied: box.dataset.msgDenied,
    limit: box.dataset.msgLimit
  };

  box.hidden = false;

  function show(name, visible) { buttons[name].hidden = !visible; }
  function say(message) { status.textContent = message; }
  function draw() {
    var m = Math.floor(elapsed / 60), s = elapsed % 60;
    clock.textContent = m + ":" + (s < 10 ? "0" : "") + s;
  }
  function tick() {
    elapsed += 1;
    draw();
    if (elapsed >= maxSeconds) { say(text.limit); stop(); }
  }
  function pickType() {
    var types = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];
    for (var i = 0; i < types.length; i++) {
      if (MediaRecorder.isTypeSupported(types[i])) { return types[i]; }
    }
    return "";
  }
  function release() {
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    clearInterval(ticker);
    ticker = null;
  }
  function clearRecording() {
    parts = [];
    if (playUrl) { URL.revokeObjectURL(playUrl); playUrl = null; }
    playback.removeAttribute("src");
    fileInput.value = "";
    review.hidden = true;
  }
  function start() {
    clearRecording();
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (s) {
      stream = s;
      var type = pickType();
      recorder = type ? new MediaRecorder(s, { mimeType: type }) : new MediaRecorder(s);
      recorder.addEventListener("dataavailable", function (e) {
        if (e.data && e.data.size) { parts.push(e.data); }
      });
      recorder.addEventListener("stop", finished);
      recorder.start(1000);
      elapsed = 0;
      draw();
      ticker = setInterval(tick, 1000);
      say(text.recording);
      show("start", false); show("pause", true); show("stop", true); show("resume", false);
      buttons.stop.focus();
    }).catch(function () { say(text.denied); });
  }
  function pause() {
    if (!recorder || recorder.state !== "recording") { return; }
    recorder.pause();
    clearInterval(ticker);
    say(text.paused);
    show("pause", false); show("resume", true);
    buttons.resume.focus();
  }
  function resume() {
    if (!recorder || recorder.state !== "paused") { return; }
    recorder.resume();
    ticker = setInterval(tick, 1000);
    say(text.recording);
    show("pause", true); show("resume", false);
    buttons.pause.focus();
  }
  function stop() {
    if (recorder && recorder.state !== "inactive") { recorder.stop(); }
    release();
    show("pause", false); show("resume", false); show("stop", false); show("start", true);
  }
  function finished() {
    var type = (recorder && recorder.mimeType) || "audio/webm";
    var blob = new Blob(parts, { type: type });
    var ending = type.indexOf("mp4") >= 0 ? "m4a" : (type.indexOf("ogg") >= 0 ? "ogg" : "webm");
    var file = new File([blob], "voice-note." + ending, { type: type.split(";")[0] });
    var transfer = new DataTransfer();
    transfer.items.add(file);
    fileInput.files = transfer.files;
    playUrl = URL.createObjectURL(blob);
    playback.src = playUrl;
    review.hidden = false;
    if (status.textContent !== text.limit) { say(text.stopped); }
    buttons.start.textContent = box.dataset.msgAgain;
    playback.focus();
  }
  function discard() {
    clearRecording();
    say(text.discarded);
    buttons.start.focus();
  }

  buttons.start.addEventListener("click", start);
  buttons.pause.addEventListener("click", pause);
  buttons.resume.addEventListener("click", resume);
  buttons.stop.addEventListener("click", stop);
  buttons.discard.addEventListener("click", discard);
  window.addEventListener("pagehide", function () { release(); clearRecording(); });
})();
