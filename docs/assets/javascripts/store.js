/* What the playbook keeps in this browser (localStorage), shared by every script that remembers something:
   checklists.js, quiz.js, progress.js, practice.js, composer.js. Storage may be missing or refuse (private
   mode, quota): a widget then simply forgets. An entry a widget did not write (cut short, another shape, an
   older version's) is set aside under <key>:set-aside, kept for whoever wants it back, and the widget starts
   clean. Loaded in the page's head (overrides/main.html), so it runs before any page's own script. */
window.pbStore = (function () {
  "use strict";

  function parsed(text) {
    try { return JSON.parse(text); } catch (error) { return undefined; }
  }

  // The value stored under `key` when `valid(value)`; otherwise `empty()`, the invalid entry set aside
  function load(key, valid, empty) {
    try {
      var text = window.localStorage.getItem(key);
      if (text === null) return empty();
      var value = parsed(text);
      if (valid(value)) return value;
      window.localStorage.setItem(key + ":set-aside", text);
      window.localStorage.removeItem(key);
    } catch (error) { /* storage refused: start clean */ }
    return empty();
  }

  // Another widget's entry, read as it is (null when absent or not JSON), never set aside
  function peek(key) {
    try { return parsed(window.localStorage.getItem(key)) || null; } catch (error) { return null; }
  }

  // `value` kept under `key`; an empty object removes the entry
  function save(key, value) {
    try {
      if (value && typeof value === "object" && !Object.keys(value).length) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
    } catch (error) { /* the page still works, it just does not remember */ }
  }

  // `init` on every page material shows (document$ emits again after instant navigation), else once loaded
  function ready(init) {
    if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }

  // `date` as the reader's own calendar day, 2026-12-02: the day a practice day, a module read or a slip is kept
  // under (toISOString's is the day in UTC, which in Beijing begins at 08:00)
  function day(date) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  return { load: load, peek: peek, save: save, ready: ready, day: day };
})();
