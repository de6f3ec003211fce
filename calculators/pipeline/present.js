/* How the pipeline widget shows a result (playbook/calculators/scripts.py writes this into results.js): the
   totals, the weighted amount by stage, salesperson and region, and each deal's amount × probability. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var GROUPS = [["by_stage", "calc-r-by-stage"], ["by_salesperson", "calc-r-by-salesperson"], ["by_region", "calc-r-by-region"]];

  function probability(cfg, stage) {
    var s = cfg.data.settings.pipeline.stages.filter(function (x) { return x.key === stage; })[0];
    return s ? s.probability : 0;
  }

  PB.presenters.pipeline = function (cfg, a, out, S, n) {
    var rows = [[S["calc-r-weighted-total"], n(out.total.weighted)], [S["calc-r-amount-total"], n(out.total.amount)]];
    GROUPS.forEach(function (g) {
      var parts = Object.keys(out[g[0]]).filter(function (k) { return out[g[0]][k].deals; }).map(function (k) {
        var stage = (cfg.stages || []).filter(function (s) { return s.key === k; })[0];
        return (stage ? stage.title : k) + " " + n(out[g[0]][k].weighted);
      });
      rows.push([S[g[1]], parts.join(" · ")]);
    });
    var terms = a.deals.map(function (d) {
      return n(PB.number(d.amount, "")) + " × " + n(probability(cfg, d.stage), 4);
    });
    return { rows: rows, working: "Σ " + terms.join(" + ") + " = " + n(out.total.weighted) };
  };
})(typeof self !== "undefined" ? self : globalThis);
