/* The SMART goal checker in the page, mirroring calculators/smart_goal.py: a criterion is met when one of its
   patterns (from playbook_data/checkers/, embedded in the page as JSON) matches the goal after NFKC
   normalisation, ignoring case. `PlaybookSmart.check` is pure, so tests run it in Node on the shared vectors. */
(function (root) {
  "use strict";

  function check(goal, rules) {
    if (typeof goal !== "string") throw new TypeError("goal is not text; expected the goal as one line of text");
    var text = goal.normalize("NFKC"), met = [], missing = [];
    rules.forEach(function (rule) {
      var hit = text.trim() !== "" && rule.patterns.some(function (p) { return new RegExp(p, "i").test(text); });
      (hit ? met : missing).push(rule.key);
    });
    return { met: met, missing: missing };
  }

  function bind(box) {
    if (box.dataset.bound) return;
    box.dataset.bound = "1";
    var rules = JSON.parse(box.querySelector(".pb-smart__rules").textContent);
    var goal = box.querySelector(".pb-smart__goal"), count = box.querySelector(".pb-smart__count");
    function show() {
      var result = check(goal.value, rules), typed = goal.value.trim() !== "";
      box.querySelectorAll(".pb-smart__criterion").forEach(function (item) {
        var met = result.met.indexOf(item.dataset.key) >= 0, state = item.querySelector(".pb-smart__state");
        item.classList.toggle("pb-smart__criterion--met", typed && met);
        item.classList.toggle("pb-smart__criterion--missing", typed && !met);
        state.textContent = typed ? (met ? state.dataset.met : state.dataset.missing) : "";
      });
      count.hidden = !typed;
      count.textContent = count.dataset.template.replace("{met}", result.met.length).replace("{total}", rules.length);
    }
    goal.addEventListener("input", show);
    show();
  }

  function bindAll() { document.querySelectorAll("[data-smart-checker]").forEach(bind); }

  root.PlaybookSmart = { check: check };
  if (typeof document !== "undefined") {
    if (root.document$) root.document$.subscribe(bindAll);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bindAll);
    else bindAll();
  }
})(typeof window !== "undefined" ? window : globalThis);
