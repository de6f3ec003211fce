/* Weighted scorecards, mirroring calculators/scorecard/__init__.py: score = Σ weight × criterion score, optionally
   normalised to 0–100 as 100 × Σ w·(s − min) / Σ w·(max − min), then the first tier whose min it reaches.
   Scorecards are the YAML of playbook_data/scorecards/, given to the page as JSON by the macro. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var EPSILON = 1e-9;  // a score within this of a tier's min reaches the tier

  // Number of breaks at or below v (Python's bisect_right)
  function bisectRight(breaks, v) {
    var lo = 0, hi = breaks.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (v < breaks[mid]) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  function sum(values) {
    var total = 0;
    for (var k = 0; k < values.length; k++) total += values[k];
    return total;
  }

  // A scorecard compiled once for a whole file: score(values) with values in criterion order
  function Scorer(card, names) {
    this.card = card;
    this.criteria = card.criteria;
    this.names = names || card.criteria.map(function (c) { return c.key; });
    this.weights = card.criteria.map(function (c) { return c.weight; });
    var scale = card.scale || { min: 1, max: 5 };
    this.lo = scale.min;
    this.hi = scale.max;
    this.normalise = card.normalise !== false;
    var lo = this.lo, hi = this.hi;
    this.span = sum(this.weights.map(function (w) { return w * (hi - lo); }));
    this.tiers = card.tiers.map(function (t) { return [t.min - EPSILON, t.key]; });
  }

  // Each criterion's score from its raw value; the error names the column (or criterion key)
  Scorer.prototype.points = function (values) {
    var out = [];
    for (var k = 0; k < this.criteria.length; k++) {
      var c = this.criteria[k], name = this.names[k], value = values[k];
      var v = PB.number(value, name, { minimum: c.negative_allowed ? null : 0, field: c.key, percent: c.percent });
      if (c.breaks && c.breaks.length) out.push(c.scores[bisectRight(c.breaks, v)]);
      else if (this.lo <= v && v <= this.hi) out.push(v);
      else {
        PB.fail("out-of-scale", { field: c.key, value: value, min: this.lo, max: this.hi, name: name, shown: PB.py.repr(value),
          low: PB.py.formatG(this.lo), high: PB.py.formatG(this.hi) },
          name + " " + PB.py.repr(value) + " is outside the scale; expected a rating from " +
          PB.py.formatG(this.lo) + " to " + PB.py.formatG(this.hi));
      }
    }
    return out;
  };

  // [score, tier key, criterion scores], summing in criterion order
  Scorer.prototype.score = function (values) {
    var pts = this.points(values), w = this.weights, lo = this.lo, total;
    if (this.normalise) total = 100 * sum(pts.map(function (p, k) { return w[k] * (p - lo); })) / this.span;
    else total = sum(pts.map(function (p, k) { return w[k] * p; }));
    return [total, this.tier(total), pts];
  };

  Scorer.prototype.tier = function (total) {
    for (var k = 0; k < this.tiers.length; k++) if (total >= this.tiers[k][0]) return this.tiers[k][1];
    return this.tiers[this.tiers.length - 1][1];
  };

  // A built-in scorecard by name, or a mapping given whole (vectors, a user's own card)
  function loadScorecard(spec, data) {
    if (spec && typeof spec === "object") return spec;
    var cards = (data && data.scorecards) || {};
    if (typeof spec !== "string" || !spec) {
      PB.fail("unknown", { field: "scorecard" }, "scorecard is missing; expected a scorecard name or a .yml file");
    }
    if (!Object.prototype.hasOwnProperty.call(cards, spec)) {
      PB.fail("unknown", { field: "scorecard" }, "unknown scorecard '" + spec + "'; expected one of: " +
        Object.keys(cards).sort().join(", ") + ", or the path of your own .yml file");
    }
    return cards[spec];
  }

  // Registry entry: {"scorecard": name or mapping, "values": {criterion key: value}}
  PB.calculators.scorecard = function (inputs, data) {
    var card = loadScorecard(inputs.scorecard, data);
    var values = inputs.values;
    if (!values || typeof values !== "object" || Array.isArray(values)) {
      PB.fail("empty", { field: "values" }, "values is missing; expected a mapping of criterion key to value");
    }
    var keys = card.criteria.map(function (c) { return c.key; });
    var missing = keys.filter(function (k) { return !(k in values); });
    if (missing.length) {
      PB.fail("empty", { field: missing[0] }, "criterion '" + missing[0] + "' has no value; expected one for every criterion");
    }
    var result = new Scorer(card).score(keys.map(function (k) { return values[k]; }));
    var points = {};
    keys.forEach(function (k, i) { points[k] = result[2][i]; });
    return { score: result[0], tier: result[1], points: points };
  };

  PB.Scorer = Scorer;
  PB.loadScorecard = loadScorecard;
})(typeof self !== "undefined" ? self : globalThis);
