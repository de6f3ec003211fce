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
    // Each figure is written once, so the working shows what the result shows; customers lost to two decimals, as
    // the page's worked example shows them (241.75 for 241.7499…); a step whose figures were rounded says ≈
    var unhappy = n(out.unhappy, 0), value = typed(a.customer_value),
      lost = [n(out.lost_low, 2), n(out.lost_high, 2)],
      risk = [n(out.revenue_at_risk_low, 0), n(out.revenue_at_risk_high, 0)];
    // each [value, as shown]: "=" if none was rounded (to 6 decimals: a float's last bits, as in
    // 1,208,749.9999999988 for 241.75 × 5,000, are no rounding)
    var sign = function (pairs) {
      return pairs.every(function (pair) { return n(pair[0], 6) === pair[1]; }) ? " = " : " ≈ ";
    };
    var rows = [[S["calc-r-unhappy"], unhappy], [S["calc-r-silent"], n(out.silent, 0)],
      [S["calc-r-lost"], lost[0] + " – " + lost[1]], [S["calc-r-at-risk"], risk[0] + " – " + risk[1]],
      [S["calc-r-hear-bad"], n(out.hear_bad, 0)], [S["calc-r-hear-good"], n(out.hear_good, 0)]];
    if (out.satisfied_to_offset !== null) rows.push([S["calc-r-offset"], n(out.satisfied_to_offset, 0)]);
    var low = sign([[out.lost_low, lost[0]], [out.revenue_at_risk_low, risk[0]]]),
      high = sign([[out.lost_high, lost[1]], [out.revenue_at_risk_high, risk[1]]]);
    var working = typed(a.complaints) + " ÷ (1 − " + typed(p.silent_share) + ")" + sign([[out.unhappy, unhappy]]) +
      unhappy + "; " + lost[0] + " × " + value + low + risk[0] + " … " + lost[1] + " × " + value + high + risk[1];
    return { rows: rows, working: working };
  };
})(typeof self !== "undefined" ? self : globalThis);
