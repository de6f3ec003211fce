/* How the complaint-cost widget shows a result (playbook/calculators/scripts.py writes this into results.js):
   the unhappy customers, who leaves, the revenue at risk and who hears of it, with the person's own figures. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  function defaults(cfg) {
    var params = cfg.data.settings["complaint-cost"].parameters, out = {};
    Object.keys(params).forEach(function (k) { out[k] = params[k].value; });
    return out;
  }

  PB.presenters["complaint-cost"] = function (cfg, a, out, S, n) {
    var p = Object.assign({}, defaults(cfg), a), typed = function (x) { return PB.typed(x, n); };
    var rows = [[S["calc-r-unhappy"], n(out.unhappy, 0)], [S["calc-r-silent"], n(out.silent, 0)],
      [S["calc-r-lost"], n(out.lost_low, 1) + " – " + n(out.lost_high, 1)],
      [S["calc-r-at-risk"], n(out.revenue_at_risk_low, 0) + " – " + n(out.revenue_at_risk_high, 0)],
      [S["calc-r-hear-bad"], n(out.hear_bad, 0)], [S["calc-r-hear-good"], n(out.hear_good, 0)]];
    if (out.satisfied_to_offset !== null) rows.push([S["calc-r-offset"], n(out.satisfied_to_offset, 0)]);
    var working = typed(a.complaints) + " ÷ (1 − " + typed(p.silent_share) + ") = " + n(out.unhappy) + "; " +
      n(out.lost_low) + " × " + typed(a.customer_value) + " = " + n(out.revenue_at_risk_low) + " … " +
      n(out.lost_high) + " × " + typed(a.customer_value) + " = " + n(out.revenue_at_risk_high);
    return { rows: rows, working: working };
  };
})(typeof self !== "undefined" ? self : globalThis);
