/* What each widget shows once its inputs are good: the result lines and the formula with the person's own
   numbers put in. Labels come from strings.yml (calc-r-*); numbers through PB.messages.show. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  function present(cfg, inputs, out, S, lang) {
    var n = function (x, digits) { return PB.messages.show(x, lang, digits); };
    return PRESENTERS[cfg.calculator === "survey" ? cfg.metric : cfg.calculator](cfg, inputs, out, S, n, lang);
  }

  // The number a person typed, as the calculator read it (blank optional inputs are left out)
  function typed(value, n) {
    return n(PB.number(value, ""), 4);
  }

  var PRESENTERS = {
    clv: function (cfg, a, out, S, n) {
      if (cfg.form === "seed") return clvSeed(a, out, S, n);
      return clvRetention(a, out, S, n);
    },

    scorecard: function (cfg, a, out, S, n) {
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
    },

    nps: function (cfg, a, out, S, n) {
      return { rows: [["NPS", n(out.nps)], [S["calc-r-promoters"], out.promoters + " (" + n(out.promoter_pct, 1) + "%)"],
        [S["calc-r-passives"], out.passives + " (" + n(out.passive_pct, 1) + "%)"],
        [S["calc-r-detractors"], out.detractors + " (" + n(out.detractor_pct, 1) + "%)"]],
      working: "NPS = (" + out.promoters + " − " + out.detractors + ") ÷ " + out.total + " × 100 = " + n(out.nps) };
    },

    csat: function (cfg, a, out, S, n) {
      return { rows: [["CSAT", n(out.csat) + "%"], [S["calc-r-satisfied"], out.satisfied + " / " + out.total]],
        working: "CSAT = " + out.satisfied + " ÷ " + out.total + " × 100 = " + n(out.csat) + "%" };
    },

    ces: function (cfg, a, out, S, n) {
      var sum = Math.round(out.ces * out.total);
      return { rows: [["CES", n(out.ces)], [S["calc-r-answers"], String(out.total)]],
        working: "CES = " + sum + " ÷ " + out.total + " = " + n(out.ces) };
    },

    pipeline: function (cfg, a, out, S, n) {
      var rows = [[S["calc-r-weighted-total"], n(out.total.weighted)], [S["calc-r-amount-total"], n(out.total.amount)]];
      [["by_stage", "calc-r-by-stage"], ["by_salesperson", "calc-r-by-salesperson"], ["by_region", "calc-r-by-region"]]
        .forEach(function (g) {
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
    },

    "complaint-cost": function (cfg, a, out, S, n) {
      var p = Object.assign({}, defaults(cfg), a);
      var rows = [[S["calc-r-unhappy"], n(out.unhappy, 0)], [S["calc-r-silent"], n(out.silent, 0)],
        [S["calc-r-lost"], n(out.lost_low, 1) + " – " + n(out.lost_high, 1)],
        [S["calc-r-at-risk"], n(out.revenue_at_risk_low, 0) + " – " + n(out.revenue_at_risk_high, 0)],
        [S["calc-r-hear-bad"], n(out.hear_bad, 0)], [S["calc-r-hear-good"], n(out.hear_good, 0)]];
      if (out.satisfied_to_offset !== null) rows.push([S["calc-r-offset"], n(out.satisfied_to_offset, 0)]);
      var working = typed(a.complaints, n) + " ÷ (1 − " + typed(p.silent_share, n) + ") = " + n(out.unhappy) + "; " +
        n(out.lost_low) + " × " + typed(a.customer_value, n) + " = " + n(out.revenue_at_risk_low) + " … " +
        n(out.lost_high) + " × " + typed(a.customer_value, n) + " = " + n(out.revenue_at_risk_high);
      return { rows: rows, working: working };
    }
  };

  function clvSeed(a, out, S, n) {
    var margin = a.margin === undefined ? "" : " × " + typed(a.margin, n);
    var keep = a.retention_cost === undefined ? "" : " − " + typed(a.retention_cost, n) + " × " + typed(a.periods, n);
    var referred = a.referral_value === undefined ? "" : " + " + typed(a.referral_value, n);
    return { rows: [[S["calc-r-clv"], n(out.clv)], [S["calc-r-revenue"], n(out.revenue)], [S["calc-r-gross-margin"], n(out.gross_margin)],
      [S["calc-r-keeping"], n(out.retention_cost_total)], [S["calc-r-referrals"], n(out.referral_value)]],
    working: "CLV = " + typed(a.purchases_per_period, n) + " × " + typed(a.average_amount, n) + " × " + typed(a.periods, n) +
      margin + keep + referred + " = " + n(out.clv) };
  }

  function clvRetention(a, out, S, n) {
    var m = typed(a.margin, n), r = typed(a.retention, n), i = typed(a.discount, n), q = n(out.per_period_factor, 4), body;
    if (a.periods === undefined) {
      body = a.first_margin_now ? m + " × (1 + " + i + ") ÷ (1 + " + i + " − " + r + ")" : m + " × " + r + " ÷ (1 + " + i + " − " + r + ")";
    } else {
      var N = typed(a.periods, n);
      body = "q = " + r + " ÷ (1 + " + i + ") = " + q + "; " + m + (a.first_margin_now ? "" : " × " + q) +
        " × (1 − " + q + "^" + N + ") ÷ (1 − " + q + ")";
    }
    return { rows: [[S["calc-r-clv"], n(out.clv)], [S["calc-r-multiple"], n(out.margin_multiple, 4)], ["q = r ÷ (1 + i)", q]],
      working: "CLV = " + body + " = " + n(out.clv) };
  }

  function probability(cfg, stage) {
    var s = cfg.data.settings.pipeline.stages.filter(function (x) { return x.key === stage; })[0];
    return s ? s.probability : 0;
  }

  function defaults(cfg) {
    var params = cfg.data.settings["complaint-cost"].parameters, out = {};
    Object.keys(params).forEach(function (k) { out[k] = params[k].value; });
    return out;
  }

  PB.present = present;
})(typeof self !== "undefined" ? self : globalThis);
