/* How the score-file page scores an orders file with rfm (playbook/calculators/scripts.py writes this in after
   filescore.js), as `python -m calculators rfm`: a first pass adds up the orders, the second writes each order's
   customer scores (from the columns of PB.rfm.Totals, a number per customer, never an object). The page's
   fields (widget.py) are the command line's options: analysis_date, date_format, ties and thresholds. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc, OUT = PB.fileOut;

  // --thresholds as typed: "recency=7,30,90,180; frequency=1,2,4,8" → {recency: ["7", …], …}; null when blank
  function thresholds(typed) {
    if (!typed) return null;
    var cuts = {};
    PB.files.pairs(typed, /[;；\n]+/).forEach(function (pair) { cuts[pair[0]] = pair[1].split(/[,，]/).map(PB.py.strip); });
    return cuts;
  }

  PB.fileRunners.rfm = function* (table, o, data, state) {
    var c = PB.files.findColumns(table, PB.files.pick(["customer", "date", "amount"]));
    var names = [table.header[c.customer], table.header[c.date], table.header[c.amount]];
    var order = function (cells) {
      var customer = PB.py.strip(cells[c.customer] === null ? "" : OUT.cellText(cells[c.customer]));
      if (!customer) PB.fail("empty-customer", { name: names[0] }, names[0] + " is empty; expected a customer name or id");
      return [customer, PB.cells.parseDate(cells[c.date], names[1], o.date_format), PB.number(cells[c.amount], names[2], { minimum: 0 })];
    };
    var totals = new PB.rfm.Totals(), k = 0;
    state.passes = 2;
    for (var r of table.rows()) {
      if (++k % OUT.SLICE === 0) yield 0;
      if (r[2] !== null) continue;
      try { totals.add.apply(totals, order(r[1])); } catch (error) { if (!(error instanceof PB.InputError)) throw error; }
    }
    var scoring = totals.columnSteps(o.analysis_date || null, null, data, thresholds(o.thresholds), o.ties), step;
    while (!(step = scoring.next()).done) yield 0;  // scored in steps (200,000 customers at once froze the page)
    var result = step.value, titles = {};
    data.settings.rfm.segments.forEach(function (s) { titles[s.key] = s.title[state.lang]; });
    state.order = data.settings.rfm.segments.map(function (s) { return titles[s.key]; });
    state.notes = [PB.cells.say(state.messages, "summary-rfm-breaks", state.lang, { breaks: PB.rfm.DIMENSIONS.map(function (d) {
      return state.words[d][state.lang] + " " + result.breaks[d].map(PB.py.formatG).join(", ");
    }).join("; ") })];
    yield* OUT.stream(table, ["recency", "frequency", "monetary", "r", "f", "m", "segment"], function (cells) {
      var j = totals.names.number(order(cells)[0], false), segment = titles[result.rules[result.segment[j]].key];
      return [[String(result.recency[j]), String(totals.count[j]), PB.py.floatRepr(PB.py.round(totals.amount[j], 2)),
        String(result.r[j]), String(result.f[j]), String(result.m[j]), segment], segment];
    }, state);
  };
})(typeof self !== "undefined" ? self : globalThis);
