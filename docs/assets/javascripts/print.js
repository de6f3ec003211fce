/* Printing: blank boxes and lines unless "print with my ticks" was asked for, whatever starts the printing
   (these buttons, Ctrl+P, headless chromium's page.pdf); one checklist or sheet alone, or a whole booklet.
   The buttons set classes on <html> that print.css reads; everything is undone after printing. */
(function () {
  "use strict";

  var MODES = ["pb-print-single", "pb-print-mine"];
  var stash = null;  // [field, checked, value] of every form field emptied for a blank print

  function reset() {
    document.documentElement.classList.remove.apply(document.documentElement.classList, MODES);
    document.querySelectorAll(".pb-print-target").forEach(function (el) {
      el.classList.remove("pb-print-target");
    });
  }

  // Print one form alone; `mine` keeps the ticks and entries, otherwise the boxes print empty
  function printForm(form, mine) {
    reset();
    form.classList.add("pb-print-target");
    document.documentElement.classList.add("pb-print-single");
    if (mine) document.documentElement.classList.add("pb-print-mine");
    window.print();
  }

  function bind(button) {
    if (button.dataset.pbBound) return;
    button.dataset.pbBound = "true";
    var action = button.dataset.action;
    var form = button.closest("form");
    if (action === "print" && form) button.addEventListener("click", function () { printForm(form, false); });
    if (action === "print-mine" && form) button.addEventListener("click", function () { printForm(form, true); });
    if (action === "print-page") {
      button.addEventListener("click", function () { reset(); window.print(); });
      button.hidden = false;
    }
  }

  function init() {
    document.querySelectorAll("[data-action^=print]").forEach(bind);
  }

  // Before a blank print: empty every form, remembering what it held (no input event: storage is untouched)
  function blank() {
    stash = [];
    document.querySelectorAll("form.pb-checklist, form.pb-sheet").forEach(function (form) {
      form.querySelectorAll("input[name], textarea[name]").forEach(function (field) {
        stash.push([field, field.checked, field.value]);
        if (field.type === "checkbox" || field.type === "radio") field.checked = false;
        else field.value = "";
      });
    });
  }

  function restore() {
    (stash || []).forEach(function (saved) {
      var field = saved[0];
      if (field.type === "checkbox" || field.type === "radio") field.checked = saved[1];
      else field.value = saved[2];
    });
    stash = null;
  }

  window.addEventListener("beforeprint", function () {
    if (!document.documentElement.classList.contains("pb-print-mine")) blank();
  });
  // Chromium may return from print() before printing: undo everything only once printing is over
  window.addEventListener("afterprint", function () { restore(); reset(); });

  if (typeof window.document$ !== "undefined") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
