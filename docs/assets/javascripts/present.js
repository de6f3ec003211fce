/* Present mode (courses/<id>-present.html). reveal.js shows the slides and turns them on the arrow keys,
   PageUp/PageDown (what presentation clickers send), Space, Home and End; this file fills the screen on
   "Start presenting", leaves it on Esc, and runs the bar below the slides: the block's countdown (from the
   slide's data-minutes, restarted on each slide, able to pause) and the time of day.
   reveal.js (npm, vendor/reveal/) rather than a slide engine of our own: it is maintained, keyboard- and
   clicker-ready, scales a 1280×720 slide to any screen and runs from file:// as a plain script. */
(function () {
  "use strict";

  var root = document.querySelector("[data-present]");
  if (!root || !window.Reveal) return;
  var stage = root.querySelector(".pb-present__stage");
  var countdown = root.querySelector(".pb-present__countdown");
  var clock = root.querySelector(".pb-present__clock");
  var pause = root.querySelector("[data-action=present-pause]");
  var start = root.querySelector("[data-action=present-start]");
  var exit = root.querySelector("[data-action=present-exit]");
  var timer = { left: 0, endsAt: null, none: true };  // seconds left; endsAt (ms) while it runs; none: no block

  function presenting() { return stage.classList.contains("pb-present__stage--on"); }

  var deck = new window.Reveal(stage.querySelector(".reveal"), {
    embedded: true, hash: false, history: false, controls: false, progress: true, slideNumber: "c/t",
    overview: false, help: false, transition: "none", backgroundTransition: "none", center: false,
    width: 1280, height: 720, margin: 0.04, scrollActivationWidth: null,
    // Keys turn the slides while presenting, or when the slides have the focus (not while reading the page)
    keyboardCondition: function () { return presenting() || stage.contains(document.activeElement); },
  });

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function show() {
    var seconds = timer.endsAt === null ? timer.left : Math.round((timer.endsAt - Date.now()) / 1000);
    var over = seconds < 0 && !timer.none;
    var size = Math.abs(seconds);
    var text = two(Math.floor(size / 60)) + ":" + two(size % 60);
    countdown.textContent = timer.none ? "–" : over ? root.dataset.over + " " + text : text;
    countdown.classList.toggle("pb-present__countdown--over", over);
    var now = new Date();
    clock.textContent = two(now.getHours()) + ":" + two(now.getMinutes());
  }

  // Each slide starts its block's countdown afresh and running (the cover has none)
  function arm(slide) {
    timer.left = Number(slide.dataset.minutes || 0) * 60;
    timer.none = timer.left === 0;
    timer.endsAt = Date.now() + timer.left * 1000;
    pause.textContent = root.dataset.pause;
    show();
  }

  function togglePause() {
    if (timer.endsAt === null) {
      timer.endsAt = Date.now() + timer.left * 1000;
      pause.textContent = root.dataset.pause;
    } else {
      timer.left = Math.round((timer.endsAt - Date.now()) / 1000);
      timer.endsAt = null;
      pause.textContent = root.dataset.resume;
    }
    show();
  }

  function enter() {
    stage.classList.add("pb-present__stage--on");
    document.documentElement.classList.add("pb-presenting");
    exit.hidden = false;
    if (stage.requestFullscreen) stage.requestFullscreen().catch(function () {});  // the window is filled anyway
    stage.focus();
    deck.layout();
  }

  function leave() {
    if (!presenting()) return;
    stage.classList.remove("pb-present__stage--on");
    document.documentElement.classList.remove("pb-presenting");
    exit.hidden = true;
    if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
    deck.layout();
    start.focus();
  }

  // While presenting, material's own keys (n/p: next page, f, s, /: search) would leave the slides
  var KEYS = { n: "next", p: "prev", ".": "togglePause", ",": "togglePause", f: null, s: null, "/": null };
  window.addEventListener("keydown", function (event) {
    if (!presenting() || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") { leave(); return; }
    var key = event.key.toLowerCase();
    if (!(key in KEYS)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    if (KEYS[key]) deck[KEYS[key]]();
  }, true);

  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement) leave();
  });

  start.addEventListener("click", enter);
  exit.addEventListener("click", leave);
  pause.addEventListener("click", togglePause);
  root.querySelector("[data-action=present-prev]").addEventListener("click", function () { deck.prev(); });
  root.querySelector("[data-action=present-next]").addEventListener("click", function () { deck.next(); });

  deck.on("slidechanged", function (event) { arm(event.currentSlide); });
  deck.initialize().then(function () {
    arm(deck.getCurrentSlide());
    start.hidden = false;
    setInterval(show, 500);
  });
})();
