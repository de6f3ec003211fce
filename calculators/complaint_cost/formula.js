/* What complaints cost, mirroring calculators/complaint_cost/__init__.py: the unhappy customers behind the
   complaints, who buys again, who hears of it, and the revenue at risk. Defaults are seed 002's
   figures from playbook_data/calculators/complaint-cost.yml, all overridable. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var TELLS = ["tell_unhappy", "tell_far", "tell_handled_well", "tell_satisfied"];

  function defaults(data) {
    var params = data.settings["complaint-cost"].parameters, out = {};
    Object.keys(params).forEach(function (k) { out[k] = params[k].value; });
    return out;
  }

  function estimate(a, data) {
    var p = defaults(data), base = ["complaints", "customer_value", "handled_well", "satisfied"];
    var unknown = Object.keys(a).filter(function (k) { return base.indexOf(k) < 0 && !(k in p); });
    if (unknown.length) {
      PB.fail("unknown-input", { field: unknown[0] }, "complaint cost: unknown input '" + unknown[0] +
        "'; expected some of: complaints, customer_value, handled_well, satisfied, " + Object.keys(p).join(", "));
    }
    Object.keys(a).forEach(function (k) { if (base.indexOf(k) < 0) p[k] = a[k]; });
    var n = PB.number(a.complaints, "complaints", { minimum: 0, field: "complaints" });
    var value = PB.number(a.customer_value, "customer value", { minimum: 0, field: "customer_value" });
    var well = PB.rate(a.handled_well === undefined ? 0 : a.handled_well, "share handled fast and well", "handled_well");
    var happy = PB.number(a.satisfied === undefined ? 0 : a.satisfied, "satisfied customers", { minimum: 0, field: "satisfied" });
    var silentShare = PB.rate(p.silent_share, "share who never complain", "silent_share");
    if (silentShare === 1) {
      PB.fail("silent-one", { field: "silent_share" }, "share who never complain is 1, so no complaint would ever arrive; expected below 1");
    }
    var low = PB.rate(p.repurchase_low, "repurchase low", "repurchase_low");
    var high = PB.rate(p.repurchase_high, "repurchase high", "repurchase_high");
    if (low > high) {
      PB.fail("low-above-high", { field: "repurchase_low" }, "repurchase low " + PB.py.formatG(low) +
        " is above repurchase high " + PB.py.formatG(high));
    }
    var againWell = PB.rate(p.repurchase_handled_well, "repurchase when handled well", "repurchase_handled_well");
    var far = PB.rate(p.tell_far_share, "share who tell many", "tell_far_share");
    var tell = {};
    TELLS.forEach(function (k) { tell[k] = PB.number(p[k], k.replace(/_/g, " "), { minimum: 0, field: k }); });
    // The customers first, then who leaves, then who hears of it
    var unhappy = n / (1 - silentShare);
    var handled = n * well;
    var others = n - handled;
    var keptHandled = handled * againWell;
    var lostLow = (unhappy - n) + (handled - keptHandled) + others * (1 - high);
    var lostHigh = (unhappy - n) + (handled - keptHandled) + others * (1 - low);
    var perUnhappy = (1 - far) * tell.tell_unhappy + far * tell.tell_far;
    var bad = (unhappy - handled) * perUnhappy;
    return { unhappy: unhappy, silent: unhappy - n, handled_well: handled,
      buy_again_low: keptHandled + others * low, buy_again_high: keptHandled + others * high,
      lost_low: lostLow, lost_high: lostHigh,
      revenue_at_risk_low: lostLow * value, revenue_at_risk_high: lostHigh * value,
      hear_bad: bad, hear_good: handled * tell.tell_handled_well, tellers_per_unhappy: perUnhappy,
      hear_satisfied: happy * tell.tell_satisfied,
      satisfied_to_offset: tell.tell_satisfied ? bad / tell.tell_satisfied : null };
  }

  // Registry entry: {"complaints": 10, "customer_value": 5000, "handled_well": 0.5, "satisfied": 200, ...}
  PB.calculators["complaint-cost"] = function (inputs, data) {
    return PB.call(function (args) { return estimate(args, data); }, ["complaints", "customer_value", "handled_well", "satisfied"],
      ["complaints", "customer_value"], inputs, "complaint cost", true);
  };
})(typeof self !== "undefined" ? self : globalThis);
