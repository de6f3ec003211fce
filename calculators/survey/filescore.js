/* How the score-file page scores a file of survey answers, kind "nps" (also "csat" and "ces", which the page
   does not offer; playbook/calculators/scripts.py writes this in after filescore.js): one answer per row, its
   category beside it (CES: none), as `python -m calculators nps`. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc, OUT = PB.fileOut;

  function* answers(table, o, data, state) {
    var i = PB.files.findColumns(table, PB.files.pick(["answer"])).answer, name = table.header[i], metric = o.kind;
    var scale = PB.survey.scaleOf(metric, data, o.scale, o.satisfied_from), values = [];
    var word = function (key) { return data.words[key] ? data.words[key][state.lang] : key; };
    state.order = metric === "nps" ? ["promoter", "passive", "detractor"].map(word) : (metric === "csat" ? ["satisfied", "not satisfied"].map(word) : null);
    yield* OUT.stream(table, metric === "ces" ? [] : ["category"], function (cells) {
      var value = PB.survey.answer(cells[i], name, scale[0], scale[1]);
      values.push(value);
      var label = word(PB.survey.category(metric, value, scale[2]));
      return [metric === "ces" ? [] : [label], label];
    }, state);
    if (!values.length) return;
    // The score itself, the summary's last line as the command line prints it in the page's language
    var result = PB.survey.metrics[metric][0]({ answers: values, scale: scale[1], satisfied_from: scale[2] }, data);
    var shown = {};
    Object.keys(result).forEach(function (k) { shown[k] = PB.py.formatG(result[k]); });
    state.notes = [PB.cells.say(state.messages, "summary-" + metric, state.lang, shown)];
  }

  PB.fileRunners.nps = PB.fileRunners.csat = PB.fileRunners.ces = answers;
})(typeof self !== "undefined" ? self : globalThis);
