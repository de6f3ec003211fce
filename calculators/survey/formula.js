/* Survey scores from raw answers, mirroring calculators/survey/__init__.py: NPS = % of 9–10 minus % of 0–6 on 0–10
   (passives stay in the total); CSAT = % of answers at or above `satisfied_from` on 1..scale; CES = mean. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  // Whole numbers from `low` to `high`; at least one
  function answersChecked(answers, low, high) {
    if (!Array.isArray(answers)) PB.fail("not-list", { field: "answers" }, "answers is not a list; expected a list of whole numbers");
    if (!answers.length) PB.fail("no-answers", { field: "answers" }, "there are no answers; expected at least one");
    return answers.map(function (a, k) { return answer(a, "answer " + (k + 1), low, high, k + 1); });
  }

  function answer(value, name, low, high, row) {
    var result = PB.number(value, name, { whole: true, field: "answers" });
    if (!(low <= result && result <= high)) {
      PB.fail("answer-out-of-scale", { field: "answers", value: value, min: low, max: high, row: row, name: name,
        shown: PB.py.repr(value), low: low, high: high },
        name + " " + PB.py.repr(value) + " is outside the scale; expected a whole number from " + low + " to " + high);
    }
    return result;
  }

  function npsCounts(promoters, passives, detractors) {
    var total = promoters + passives + detractors;
    if (total === 0) PB.fail("no-answers", { field: "answers" }, "there are no answers; expected at least one");
    return { nps: 100 * (promoters - detractors) / total, promoters: promoters, passives: passives,
      detractors: detractors, total: total, promoter_pct: 100 * promoters / total,
      passive_pct: 100 * passives / total, detractor_pct: 100 * detractors / total };
  }

  function count(values, test) {
    var n = 0;
    for (var k = 0; k < values.length; k++) if (test(values[k])) n += 1;
    return n;
  }

  function nps(args) {
    var values = answersChecked(args.answers, 0, 10);
    var promoters = count(values, function (v) { return v >= 9; });
    var detractors = count(values, function (v) { return v <= 6; });
    return npsCounts(promoters, values.length - promoters - detractors, detractors);
  }

  // The scale and the lowest satisfied answer: survey.yml's defaults, or the top two boxes
  function csatSettings(scale, satisfiedFrom, data) {
    var params = data.settings.survey.parameters, none = function (v) { return v === undefined || v === null; };
    if (none(scale) && none(satisfiedFrom)) return [params.csat_scale.value, params.csat_satisfied_from.value];
    var top = PB.number(none(scale) ? params.csat_scale.value : scale, "scale", { minimum: 2, whole: true, field: "scale" });
    var cut = none(satisfiedFrom) ? top - 1 : answer(satisfiedFrom, "satisfied from", 1, top);
    return [top, cut];
  }

  function csat(args, data) {
    var s = csatSettings(args.scale, args.satisfied_from, data), top = s[0], cut = s[1];
    var values = answersChecked(args.answers, 1, top);
    var satisfied = count(values, function (v) { return v >= cut; });
    return { csat: 100 * satisfied / values.length, satisfied: satisfied, total: values.length, scale: top,
      satisfied_from: cut };
  }

  function cesScale(scale, data) {
    var fallback = data.settings.survey.parameters.ces_scale.value;
    return PB.number(scale === undefined || scale === null ? fallback : scale, "scale", { minimum: 2, whole: true, field: "scale" });
  }

  function ces(args, data) {
    var top = cesScale(args.scale, data);
    var values = answersChecked(args.answers, 1, top);
    var total = 0;
    values.forEach(function (v) { total += v; });
    return { ces: total / values.length, total: values.length, scale: top };
  }

  // (lowest answer, highest answer, the cut that counts as good) for a metric
  function scaleOf(metric, data, scale, satisfiedFrom) {
    if (metric === "nps") return [0, 10, 9];
    if (metric === "csat") return [1].concat(csatSettings(scale, satisfiedFrom, data));
    return [1, cesScale(scale, data), null];
  }

  // What one answer counts as: promoter / passive / detractor, satisfied or not, or itself
  function category(metric, value, cut) {
    if (metric === "nps") return value >= 9 ? "promoter" : (value >= 7 ? "passive" : "detractor");
    if (metric === "csat") return value >= cut ? "satisfied" : "not satisfied";
    return value;
  }

  var METRICS = {
    nps: [nps, ["answers"], ["answers"]],
    csat: [csat, ["answers", "scale", "satisfied_from"], ["answers"]],
    ces: [ces, ["answers", "scale"], ["answers"]]
  };

  // Registry entry: {"metric": "nps" | "csat" | "ces", "answers": [...], ...}
  PB.calculators.survey = function (inputs, data) {
    var args = Object.assign({}, inputs), metric = args.metric;
    delete args.metric;
    if (!Object.prototype.hasOwnProperty.call(METRICS, metric)) {
      PB.fail("unknown", { field: "metric" }, "metric " + (metric === undefined || metric === null ? "None" : PB.py.repr(metric)) +
        " is unknown; expected one of: nps, csat, ces");
    }
    var spec = METRICS[metric];
    return PB.call(function (a) { return spec[0](a, data); }, spec[1], spec[2], args, metric);
  };

  PB.survey = { npsCounts: npsCounts, answer: answer, scaleOf: scaleOf, category: category, metrics: METRICS };
})(typeof self !== "undefined" ? self : globalThis);
