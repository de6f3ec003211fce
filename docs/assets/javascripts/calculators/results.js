/* What each widget shows once its inputs are good: the result lines and the formula with the person's own
   numbers put in. Each calculator says it in its folder's present.js (calculators/<name>/present.js), which
   registers PB.presenters[name]; the build writes them in after this script (playbook/calculators/scripts.py).
   Labels come from the UI strings (calc-r-*); numbers through PB.messages.show. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  // The widget's result: its calculator's presenter, given a number formatter in the page's language
  function present(cfg, inputs, out, S, lang) {
    var n = function (x, digits) { return PB.messages.show(x, lang, digits); };
    return PB.presenters[cfg.calculator](cfg, inputs, out, S, n, lang);
  }

  // The number a person typed, as the calculator read it (blank optional inputs are left out)
  function typed(value, n) {
    return n(PB.number(value, ""), 4);
  }

  PB.presenters = {};
  PB.present = present;
  PB.typed = typed;
})(typeof self !== "undefined" ? self : globalThis);
