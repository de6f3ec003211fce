/* How the clv widgets show a result (playbook/calculators/scripts.py writes this into results.js): the lines
   and the formula with the person's own numbers, for the seed's four-part form and the retention form. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  function seed(a, out, S, n) {
    var margin = a.margin === undefined ? "" : " × " + PB.typed(a.margin, n);
    var keep = a.retention_cost === undefined ? "" : " − " + PB.typed(a.retention_cost, n) + " × " + PB.typed(a.periods, n);
    var referred = a.referral_value === undefined ? "" : " + " + PB.typed(a.referral_value, n);
    return { rows: [[S["calc-r-clv"], n(out.clv)], [S["calc-r-revenue"], n(out.revenue)], [S["calc-r-gross-margin"], n(out.gross_margin)],
      [S["calc-r-keeping"], n(out.retention_cost_total)], [S["calc-r-referrals"], n(out.referral_value)]],
    working: "CLV = " + PB.typed(a.purchases_per_period, n) + " × " + PB.typed(a.average_amount, n) + " × " + PB.typed(a.periods, n) +
      margin + keep + referred + " = " + n(out.clv) };
  }

  function retention(a, out, S, n) {
    var m = PB.typed(a.margin, n), r = PB.typed(a.retention, n), i = PB.typed(a.discount, n), q = n(out.per_period_factor, 4), body;
    if (a.periods === undefined) {
      body = a.first_margin_now ? m + " × (1 + " + i + ") ÷ (1 + " + i + " − " + r + ")" : m + " × " + r + " ÷ (1 + " + i + " − " + r + ")";
    } else {
      var N = PB.typed(a.periods, n);
      body = "q = " + r + " ÷ (1 + " + i + ") = " + q + "; " + m + (a.first_margin_now ? "" : " × " + q) +
        " × (1 − " + q + "^" + N + ") ÷ (1 − " + q + ")";
    }
    return { rows: [[S["calc-r-clv"], n(out.clv)], [S["calc-r-multiple"], n(out.margin_multiple, 4)], ["q = r ÷ (1 + i)", q]],
      working: "CLV = " + body + " = " + n(out.clv) };
  }

  PB.presenters.clv = function (cfg, a, out, S, n) {
    return (cfg.form === "seed" ? seed : retention)(a, out, S, n);
  };
})(typeof self !== "undefined" ? self : globalThis);
