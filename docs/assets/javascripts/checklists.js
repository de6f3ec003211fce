/* Checklists, sheets and reading paths (the first week) keep their ticks and entries in this browser only
   (localStorage), one entry per id and language; nothing is ever sent anywhere. print.js handles the print
   buttons. */
(function () {
  "use strict";

  var FORMS = "form.pb-checklist, form.pb-sheet, form.pb-path";
  var KINDS = ["checklist", "sheet", "path"];
  var BOXES = ".pb-checklist__items input[type=checkbox], .pb-path__steps input[type=checkbox]";

  // The storage key of a form: pb:checklist:smart-goal:zh, pb:sheet:6w1h1s:en, pb:path:first-week:zh
  function storageKey(form) {
    var kind = KINDS.filter(function (name) { return form.dataset[name]; })[0];
    return ["pb", kind, form.dataset[kind], form.dataset.lang].join(":");
  }

  // What `read` writes: an object of field name → true (a ticked box) or a string (a text, a scale point)
  function isState(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) &&
      Object.keys(value).every(function (name) { return value[name] === true || typeof value[name] === "string"; });
  }

  // Kept in this browser by store.js, which sets aside an entry the form did not write
  function load(key) {
    return window.pbStore.load(key, isState, function () { return {}; });
  }

  // Checklists kept their ticks by position (smart-goal-3) until entries got ids (smart-goal-measurable): such
  // a tick moves to the entry now at that position. Entry ids start with a letter, so the two never mix up.
  function migrate(form, state) {
    var id = form.dataset.checklist;
    if (!id) return state;
    var boxes = form.querySelectorAll(".pb-checklist__items input[type=checkbox]");
    var byPosition = new RegExp("^" + id.replace(/\./g, "\\.") + "-(\\d+)$");
    var moved = {};
    Object.keys(state).forEach(function (name) {
      var match = byPosition.exec(name), box = match && boxes[Number(match[1]) - 1];
      if (!match) moved[name] = state[name];
      else if (box && state[name] === true) moved[box.name] = true;
    });
    return moved;
  }

  function fields(form) {
    return form.querySelectorAll("input[name], textarea[name]");
  }

  // The form's state: ticked boxes, chosen scale points, non-empty texts, by field name
  function read(form) {
    var state = {};
    fields(form).forEach(function (field) {
      if (field.type === "checkbox") { if (field.checked) state[field.name] = true; }
      else if (field.type === "radio") { if (field.checked) state[field.name] = field.value; }
      else if (field.value !== "") state[field.name] = field.value;
    });
    return state;
  }

  function apply(form, state) {
    fields(form).forEach(function (field) {
      var value = state[field.name];
      if (field.type === "checkbox") field.checked = value === true;
      else if (field.type === "radio") field.checked = value === field.value;
      else field.value = typeof value === "string" ? value : "";
    });
    showProgress(form);
  }

  // "3 / 8 done" under a checklist or a path
  function showProgress(form) {
    var line = form.querySelector(".pb-progress");
    if (!line) return;
    var boxes = form.querySelectorAll(BOXES);
    var done = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).length;
    line.textContent = line.dataset.template.replace("{done}", done).replace("{total}", boxes.length);
  }

  function clear(form) {
    apply(form, {});
    window.pbStore.save(storageKey(form), {});
  }

  // Wire one form once: restore, save on every change, show the screen-only tools
  function bind(form) {
    if (form.dataset.pbBound) return;
    form.dataset.pbBound = "true";
    var key = storageKey(form);
    var kept = migrate(form, load(key));
    apply(form, kept);
    // What the page no longer has (an entry removed since) is dropped; a migrated tick is stored by its id
    if (JSON.stringify(read(form)) !== JSON.stringify(kept)) window.pbStore.save(key, read(form));
    var save = function () { window.pbStore.save(key, read(form)); showProgress(form); };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var button = form.querySelector("[data-action=clear]");
    if (button) button.addEventListener("click", function () { clear(form); });
    var tools = form.querySelector(".pb-tools");
    if (tools) tools.hidden = false;
  }

  function init() {
    document.querySelectorAll(FORMS).forEach(bind);
  }

  // Another tab ticked the same checklist (its booklet, say): show it here too
  window.addEventListener("storage", function (event) {
    document.querySelectorAll(FORMS).forEach(function (form) {
      if (event.key === null || event.key === storageKey(form)) apply(form, migrate(form, load(storageKey(form))));
    });
  });

  window.pbStore.ready(init);
})();
