/* How a scorecard widget shows a result (playbook/calculators/scripts.py writes this into results.js): score,
   tier and advice, and the weighted sum with the person's own points. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  PB.presenters.scorecard = function (cfg, a, out, S, n) {
    var card = cfg.data.scorecards[cfg.scorecard], scorer = new PB.Scorer(card);
    var tier = card.tiers.filter(function (t) { return t.key === out.tier; })[0];
    var terms = card.criteria.map(function (c) {
      var p = n(out.points[c.key]);
      return scorer.normalise ? n(c.weight) + " × (" + p + " − " + n(scorer.lo) + ")" : n(c.weight) + " × " + p;
    });
    var working = scorer.normalise
      ? "100 × (" + terms.join(" + ") + ") ÷ " + n(scorer.span) + " = " + n(out.score)
      : terms.join(" + ") + " = " + n(out.score);
    var rows = [[S["calc-r-score"], n(out.score)], [S["calc-r-tier"], tier.title[cfg.lang]]];
    if (tier.advice) rows.push([S["calc-r-advice"], tier.advice[cfg.lang]]);
    return { rows: rows, working: working + " → " + tier.title[cfg.lang] };
  };
})(typeof self !== "undefined" ? self : globalThis);
