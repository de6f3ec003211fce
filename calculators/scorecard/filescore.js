/* How the score-file page scores a file with a scorecard, kind "score:<name>" (playbook/calculators/scripts.py
   writes this in after filescore.js): each row's score (2 decimals) and tier, as `python -m calculators score`. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc, OUT = PB.fileOut;

  PB.fileRunners.score = function* (table, o, data, state) {
    var card = PB.loadScorecard(o.kind.slice("score:".length), data), wanted = {};
    card.criteria.forEach(function (c) { wanted[c.key] = [c.title.zh, c.title.en].concat(c.aliases || []); });
    var columns = PB.files.findColumns(table, wanted);
    var index = card.criteria.map(function (c) { return columns[c.key]; });
    var scorer = new PB.Scorer(card, index.map(function (i) { return table.header[i]; }));
    var titles = {}, watch = [];
    card.tiers.forEach(function (t) { titles[t.key] = t.title[state.lang]; });
    card.criteria.forEach(function (c, k) { if (c.percent) watch.push([k, new OUT.ShareOrPercent(table.header[index[k]])]); });
    state.watch = watch.map(function (w) { return w[1]; });
    state.order = card.tiers.map(function (t) { return titles[t.key]; });
    yield* OUT.stream(table, ["score", "tier"], function (cells, line) {
      var values = index.map(function (i) { return cells[i]; }), got = scorer.score(values);
      watch.forEach(function (w) { w[1].see(line, values[w[0]], PB.number(values[w[0]], "", { percent: true })); });
      return [[PB.py.floatRepr(PB.py.round(got[0], 2)), titles[got[1]]], titles[got[1]]];
    }, state);
  };
})(typeof self !== "undefined" ? self : globalThis);
