/* How the score-file page scores a file with pipeline (playbook/calculators/scripts.py writes this in after
   filescore.js): each deal's stage probability and weighted amount, as `python -m calculators pipeline`. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc, OUT = PB.fileOut;

  // runners._probabilities: pipeline.yml's stages, then each "NAME=P" of the page's field `stages`
  function probabilities(typed, data) {
    var given = typed ? PB.files.pairs(typed, /[,，;；\n]+/) : [];
    if (!given.length) return null;
    var out = {};
    data.settings.pipeline.stages.forEach(function (s) { out[s.key] = s.probability; });
    given.forEach(function (pair) { out[pair[0]] = pair[1]; });
    return out;
  }

  PB.fileRunners.pipeline = function* (table, o, data, state) {
    var c = PB.files.findColumns(table, PB.files.pick(["amount", "stage", "salesperson", "region"]), ["salesperson", "region"]);
    var rollup = new PB.pipeline.Rollup(new PB.pipeline.Stages(probabilities(o.stages, data), data)), titles = {};
    data.settings.pipeline.stages.forEach(function (s) { titles[s.key] = s.title[state.lang]; });
    state.order = data.settings.pipeline.stages.map(function (s) { return titles[s.key]; });
    yield* OUT.stream(table, ["probability", "weighted"], function (cells) {
      var amount = PB.number(cells[c.amount], table.header[c.amount], { minimum: 0 });
      var stage = rollup.stages.key(cells[c.stage], table.header[c.stage]);
      var who = c.salesperson === undefined ? "" : String(cells[c.salesperson] || "");
      var where = c.region === undefined ? "" : String(cells[c.region] || "");
      var weighted = rollup.add(amount, stage, who, where);
      return [[PB.py.floatRepr(rollup.stages.probability.get(stage)), PB.py.floatRepr(PB.py.round(weighted, 2))], titles[stage] || stage];
    }, state);
    state.total = rollup.total;
  };
})(typeof self !== "undefined" ? self : globalThis);
