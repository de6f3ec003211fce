/* Pareto / ABC classification, mirroring calculators/abc/__init__.py: sort by value, highest first, ties in input
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

  var RUN = 1 << 12;  // values sorted at once (a few ms); runs are then merged RUN at a time

  // Each value's place, highest first with ties in input order, and its cumulative share in percent (running
  // sum / total × 100), in typed arrays: a file's million values cost 16 bytes each here. `values` checked
  // already (non-negative, finite), an Array or a Float64Array. A generator that yields every RUN values or
  // so, for the page's own thread to pause (sorting a million values at once froze it for about a second):
  // runs sorted, then merged in passes of doubling width, the left run first on a tie (a stable merge sort)
  function* rankingSteps(values) {
    var n = values.length, order = new Uint32Array(n), spare = new Uint32Array(n), k, width;
    var descending = function (x, y) { return values[y] - values[x] || x - y; };
    for (k = 0; k < n; k++) order[k] = k;
    for (k = 0; k < n; k += RUN) {
      order.subarray(k, k + RUN).sort(descending);
      yield;
    }
    for (width = RUN; width < n; width *= 2) {
      for (var low = 0; low < n; low += 2 * width) yield* merge(values, order, spare, low, Math.min(low + width, n), Math.min(low + 2 * width, n));
      var sorted = spare;
      spare = order;
      order = sorted;
    }
    var total = 0;
    for (k = 0; k < n; k++) total += values[order[k]];
    if (n && total === 0) PB.fail("zero-total", { field: "values" }, "the values add up to 0; expected at least one value above 0");
    var cumulative = new Float64Array(n), rank = new Uint32Array(n), running = 0;
    for (var position = 0; position < n; position++) {
      k = order[position];
      running += values[k];
      cumulative[k] = running / total * 100;
      rank[k] = position + 1;
      if (position % RUN === 0) yield;
    }
    return { total: total, cumulative: cumulative, rank: rank };
  }

  // The sorted runs from[low, middle) and from[middle, high) merged into to[low, high)
  function* merge(values, from, to, low, middle, high) {
    for (var i = low, j = middle, k = low; k < high; k++) {
      to[k] = j === high || (i < middle && values[from[i]] >= values[from[j]]) ? from[i++] : from[j++];
      if (k % RUN === 0) yield;
    }
  }

  function ranking(values) {
    return PB.finish(rankingSteps(values));
  }

  // The class of a cumulative share: ≤ A threshold → A, ≤ B threshold → B, else C
  function classOf(cumulative, a, b) {
    return cumulative <= a ? "A" : (cumulative <= b ? "B" : "C");
  }

  // Classes of numbers already checked (non-negative, finite)
  function classifyChecked(values, a, b) {
    var n = values.length, ranked = ranking(values), total = ranked.total, k;
    var share = new Array(n), cumulative = Array.from(ranked.cumulative), classes = new Array(n), rank = Array.from(ranked.rank);
    for (k = 0; k < n; k++) {
      share[k] = values[k] / total * 100;
      classes[k] = classOf(cumulative[k], a, b);
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

  PB.abc = { thresholds: thresholds, classifyChecked: classifyChecked, ranking: ranking, rankingSteps: rankingSteps, classOf: classOf };
})(typeof self !== "undefined" ? self : globalThis);
