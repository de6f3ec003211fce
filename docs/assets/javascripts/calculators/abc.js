/* Pareto / ABC classification, mirroring calculators/abc.py: sort by value, highest first, ties in input
   order; an item's cumulative share includes itself (running sum / total × 100, so the last is exactly
   100); ≤ A threshold → A, ≤ B threshold → B, else C. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var CLASSES = ["A", "B", "C"];

  // The A and B thresholds in percent, defaults from playbook_data/calculators/abc.yml
  function thresholds(a, b, data) {
    var params = data.settings.abc.parameters;
    a = PB.number(a === undefined || a === null ? params.a_threshold.value : a, "A threshold", { minimum: 0, field: "a" });
    b = PB.number(b === undefined || b === null ? params.b_threshold.value : b, "B threshold", { minimum: 0, field: "b" });
    if (!(0 < a && a <= b && b <= 100)) {
      PB.fail("thresholds", { field: a > 0 && a <= 100 ? "b" : "a" }, "thresholds A " + PB.py.formatG(a) +
        " and B " + PB.py.formatG(b) + " are out of order; expected 0 < A ≤ B ≤ 100, such as 80 and 95");
    }
    return [a, b];
  }

  // Classes of numbers already checked (non-negative, finite); file scoring calls it too
  function classifyChecked(values, a, b) {
    var n = values.length, k, position;
    var order = new Array(n);
    for (k = 0; k < n; k++) order[k] = k;
    order.sort(function (x, y) { return values[y] - values[x]; });  // a stable sort keeps ties in order
    var total = 0;
    for (k = 0; k < n; k++) total += values[order[k]];
    if (n && total === 0) PB.fail("zero-total", { field: "values" }, "the values add up to 0; expected at least one value above 0");
    var share = new Array(n), cumulative = new Array(n), classes = new Array(n), rank = new Array(n);
    var running = 0;
    for (position = 0; position < n; position++) {
      k = order[position];
      running += values[k];
      share[k] = values[k] / total * 100;
      cumulative[k] = running / total * 100;
      classes[k] = cumulative[k] <= a ? "A" : (cumulative[k] <= b ? "B" : "C");
      rank[k] = position + 1;
    }
    var counts = {}, valueShare = {};
    CLASSES.forEach(function (c) {
      var count = 0, sum = 0;
      for (var j = 0; j < n; j++) if (classes[j] === c) { count += 1; sum += values[j]; }
      counts[c] = count;
      valueShare[c] = n ? sum / total * 100 : 0.0;
    });
    return { share: share, cumulative: cumulative, classes: classes, rank: rank, counts: counts,
      value_share: valueShare, thresholds: { A: a, B: b } };
  }

  // Registry entry: {"values": [...], "a": 80, "b": 95}
  PB.calculators.abc = function (inputs, data) {
    return PB.call(function (args) {
      var checked = PB.numberList(args.values, "value", { minimum: 0, field: "values" });
      var t = thresholds(args.a, args.b, data);
      return classifyChecked(checked, t[0], t[1]);
    }, ["values", "a", "b"], ["values"], inputs, "abc");
  };

  PB.abc = { thresholds: thresholds, classifyChecked: classifyChecked };
})(typeof self !== "undefined" ? self : globalThis);
