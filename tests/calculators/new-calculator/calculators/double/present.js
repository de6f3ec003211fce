/* How the double widget shows its result: one line, and the formula with the reader's number. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  PB.presenters.double = function (cfg, a, out, S, n) {
    return { rows: [[S["calc-r-twice"], n(out.twice)]], working: "2 × " + PB.typed(a.x, n) + " = " + n(out.twice) };
  };
})(typeof self !== "undefined" ? self : globalThis);
