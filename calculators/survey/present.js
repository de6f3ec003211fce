/* How the survey widgets show a result (playbook/calculators/scripts.py writes this into results.js): NPS,
   CSAT or CES, each with its counts and its formula. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  var METRICS = {
    nps: function (out, S, n) {
      return { rows: [["NPS", n(out.nps)], [S["calc-r-promoters"], out.promoters + " (" + n(out.promoter_pct, 1) + "%)"],
        [S["calc-r-passives"], out.passives + " (" + n(out.passive_pct, 1) + "%)"],
        [S["calc-r-detractors"], out.detractors + " (" + n(out.detractor_pct, 1) + "%)"]],
      working: "NPS = (" + out.promoters + " − " + out.detractors + ") ÷ " + out.total + " × 100 = " + n(out.nps) };
    },

    csat: function (out, S, n) {
      return { rows: [["CSAT", n(out.csat) + "%"], [S["calc-r-satisfied"], out.satisfied + " / " + out.total]],
        working: "CSAT = " + out.satisfied + " ÷ " + out.total + " × 100 = " + n(out.csat) + "%" };
    },

    ces: function (out, S, n) {
      var sum = Math.round(out.ces * out.total);
      return { rows: [["CES", n(out.ces)], [S["calc-r-answers"], String(out.total)]],
        working: "CES = " + sum + " ÷ " + out.total + " = " + n(out.ces) };
    }
  };

  PB.presenters.survey = function (cfg, a, out, S, n) {
    return METRICS[cfg.metric](out, S, n);
  };
})(typeof self !== "undefined" ? self : globalThis);
