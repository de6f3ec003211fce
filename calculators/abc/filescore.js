/* How the score-file page scores a file with abc (playbook/calculators/scripts.py writes this in after
   filescore.js): a first pass reads the values, the second writes each row's share, cumulative share, class and
   rank, as `python -m calculators abc`. The page's fields `a` and `b` are its thresholds (widget.py). */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc, OUT = PB.fileOut;

  // The values in a Float64Array that doubles when full: 8 bytes a value, none of them an object
  function Numbers() {
    this.array = new Float64Array(1024);
    this.length = 0;
  }

  Numbers.prototype.push = function (value) {
    if (this.length === this.array.length) {
      var more = new Float64Array(this.length * 2);
      more.set(this.array);
      this.array = more;
    }
    this.array[this.length++] = value;
  };

  Numbers.prototype.values = function () {
    return this.array.subarray(0, this.length);
  };

  PB.fileRunners.abc = function* (table, o, data, state) {
    var i = PB.files.findColumns(table, PB.files.pick(["value"])).value, name = table.header[i], numbers = new Numbers();
    var problems = new Map(), k = 0;
    state.passes = 2;
    for (var r of table.rows()) {
      if (r[2] !== null) continue;  // a total row or one of the wrong shape is never counted
      try { numbers.push(PB.number(r[1][i], name, { minimum: 0 })); } catch (error) {
        if (!(error instanceof PB.InputError)) throw error;
        problems.set(k, error);
      }
      k += 1;
      if (k % OUT.SLICE === 0) yield 0;
    }
    var t = PB.abc.thresholds(o.a, o.b, data), values = numbers.values(), ranking = PB.abc.rankingSteps(values), step;
    while (!(step = ranking.next()).done) yield 0;  // ranked in steps (a million values at once froze the page)
    var ranked = step.value;
    var position = 0, seen = 0;
    state.order = ["A", "B", "C"];
    yield* OUT.stream(table, ["share", "cumulative", "class", "rank"], function () {
      var at = seen++;
      if (problems.has(at)) throw problems.get(at);
      var j = position++, cumulative = ranked.cumulative[j], label = PB.abc.classOf(cumulative, t[0], t[1]);
      return [[PB.py.floatRepr(PB.py.round(values[j] / ranked.total * 100, 4)), PB.py.floatRepr(PB.py.round(cumulative, 4)),
        label, String(ranked.rank[j])], label];
    }, state);
  };
})(typeof self !== "undefined" ? self : globalThis);
