/* The calculator widgets the `calculator` macro renders: read the labelled fields, run the formula
   (PB.run, the browser twin of calculators/), show the result and the working as you type, or a message
   next to the field that is wrong. Text is only ever set with textContent. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var SPLIT = /[\s,，、;；]+/;

  // The inputs of a widget as the calculator takes them: texts, a tick, a list of answers or deals
  function read(el, cfg) {
    var inputs = {};
    if (cfg.form) inputs.form = cfg.form;
    if (cfg.scorecard) { inputs.scorecard = cfg.scorecard; inputs.values = {}; }
    if (cfg.metric) inputs.metric = cfg.metric;
    el.querySelectorAll(".pb-calc__field [name]").forEach(function (field) {
      var target = cfg.scorecard ? inputs.values : inputs;
      if (field.type === "checkbox") { if (field.checked) target[field.name] = true; }
      else if (field.type === "radio") { if (field.checked) target[field.name] = field.value; }
      else if (field.name === "answers") target.answers = field.value.split(SPLIT).filter(Boolean);
      else if (!(field.dataset.optional && !field.value.trim())) target[field.name] = field.value;
    });
    if (cfg.calculator === "pipeline") inputs.deals = deals(el);
    return inputs;
  }

  function deals(el) {
    return Array.prototype.map.call(el.querySelectorAll(".pb-calc__deals tbody tr"), function (row) {
      var deal = {};
      row.querySelectorAll("[name]").forEach(function (field) { deal[field.name] = field.value; });
      return deal;
    });
  }

  // The message slot of the field an error names (a deal's row for the pipeline)
  function slotFor(el, cfg, error) {
    var p = error.params || {};
    if (p.row && cfg.calculator === "pipeline") {
      var row = el.querySelectorAll(".pb-calc__deals tbody tr")[p.row - 1];
      if (row) return row.querySelector(".pb-calc__error");
    }
    var field = el.querySelector('.pb-calc__field[data-field="' + p.field + '"]') ||
      el.querySelector('.pb-calc__field[data-field="answers"]') || el.querySelector(".pb-calc__field");
    return field ? field.querySelector(".pb-calc__error") : null;
  }

  function clearMessages(el) {
    el.querySelectorAll(".pb-calc__error").forEach(function (slot) { slot.hidden = true; slot.textContent = ""; });
    el.querySelectorAll("[aria-invalid]").forEach(function (field) { field.removeAttribute("aria-invalid"); });
  }

  // Result lines as a definition list, built node by node
  function showResult(el, shown) {
    var box = el.querySelector(".pb-calc__result"), list = document.createElement("dl");
    shown.rows.forEach(function (pair) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = pair[0];
      dd.textContent = pair[1];
      list.appendChild(dt);
      list.appendChild(dd);
    });
    box.replaceChildren(list);
    el.querySelector(".pb-calc__working").textContent = shown.working;
  }

  function showError(el, cfg, error, strings) {
    var slot = slotFor(el, cfg, error);
    if (slot) {
      slot.textContent = PB.messages.message(error, strings);
      slot.hidden = false;
      var field = slot.parentElement.querySelector("input, textarea");
      if (field) field.setAttribute("aria-invalid", "true");
    }
    el.querySelector(".pb-calc__result").replaceChildren();
    el.querySelector(".pb-calc__working").textContent = "";
  }

  // A role-play rubric scores once every criterion is rated; until then it counts the ratings given
  function rubricOpen(el, inputs, strings) {
    var all = el.querySelectorAll(".pb-calc__field").length, done = Object.keys(inputs.values).length;
    if (done === all) return false;
    var line = document.createElement("p");
    line.textContent = strings["calc-js-rubric-open"].replace("{done}", done).replace("{all}", all);
    el.querySelector(".pb-calc__result").replaceChildren(line);
    el.querySelector(".pb-calc__working").textContent = "";
    return true;
  }

  // Run the formula on the current inputs; only an InputError is expected, anything else is a bug
  function update(el, cfg, strings) {
    clearMessages(el);
    var inputs = read(el, cfg), out;
    if (cfg.rubric && rubricOpen(el, inputs, strings)) return;
    try {
      out = PB.run(cfg.calculator, inputs, cfg.data);
    } catch (error) {
      if (!(error instanceof PB.InputError)) throw error;
      showError(el, cfg, error, strings);
      return;
    }
    showResult(el, PB.present(cfg, inputs, out, strings, cfg.lang));
  }

  // The pipeline's table: a row per deal, added and removed by buttons
  function addDeal(el, deal) {
    var row = el.querySelector("template.pb-calc__deal").content.firstElementChild.cloneNode(true);
    Object.keys(deal || {}).forEach(function (name) {
      var field = row.querySelector('[name="' + name + '"]');
      if (field) field.value = String(deal[name]);
    });
    el.querySelector(".pb-calc__deals tbody").appendChild(row);
  }

  // Wire one widget once
  function bind(el) {
    if (el.dataset.pbBound) return;
    el.dataset.pbBound = "true";
    var cfg = JSON.parse(el.dataset.config), strings = JSON.parse(el.dataset.strings);
    cfg.lang = el.dataset.lang;
    var run = function () { update(el, cfg, strings); };
    if (cfg.calculator === "pipeline") {
      cfg.deals.forEach(function (deal) { addDeal(el, deal); });
      el.addEventListener("click", function (event) {
        var action = event.target.closest("[data-action]");
        if (!action) return;
        if (action.dataset.action === "add") addDeal(el, {});
        if (action.dataset.action === "remove") action.closest("tr").remove();
        run();
      });
    }
    el.addEventListener("input", run);
    el.addEventListener("change", run);
    el.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    run();
  }

  function init() {
    document.querySelectorAll(".pb-calc[data-widget]").forEach(bind);
  }

  // Material's document$ emits on every page load, and on each page change under instant navigation
  if (typeof root.document$ !== "undefined") root.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window);
