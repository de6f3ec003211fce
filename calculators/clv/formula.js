/* Customer lifetime value, mirroring calculators/clv/__init__.py line for line: the seed's four-part form
   (004 L4 §2), the retention form m·r/(1+i−r) with its two options, and a value spread per period. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  // Purchases × average amount × periods (× margin), − the cost of keeping them, + referrals
  function seedForm(a) {
    var count = PB.number(a.purchases_per_period, "purchases per period", { minimum: 0, field: "purchases_per_period" });
    var amount = PB.number(a.average_amount, "average amount", { minimum: 0, field: "average_amount" });
    var length = PB.number(a.periods, "periods", { minimum: 0, field: "periods" });
    var share = a.margin === undefined || a.margin === null ? 1.0 : PB.rate(a.margin, "margin", "margin");
    var keep = PB.number(a.retention_cost === undefined ? 0 : a.retention_cost,
      "cost of keeping the customer per period", { minimum: 0, field: "retention_cost" });
    var referred = PB.number(a.referral_value === undefined ? 0 : a.referral_value,
      "value of referred customers", { minimum: 0, field: "referral_value" });
    // Revenue first, then what the margin leaves, then costs and referrals
    var revenue = count * amount * length;
    var gross = revenue * share;
    var keeping = keep * length;
    return { revenue: revenue, gross_margin: gross, retention_cost_total: keeping,
      referral_value: referred, clv: gross - keeping + referred };
  }

  // Discounted margins of a customer who stays each period with probability `retention`
  function retentionForm(a) {
    var m = PB.number(a.margin, "margin per period", { minimum: 0, field: "margin" });
    var r = PB.rate(a.retention, "retention rate", "retention");
    var i = PB.number(a.discount, "discount rate", { minimum: 0, field: "discount" });
    var now = Boolean(a.first_margin_now);
    var q = r / (1 + i);
    var multiple;
    if (a.periods === undefined || a.periods === null) {
      if (1 + i - r <= 0) {
        PB.fail("infinite", { field: "retention" },
          "retention rate 1 with discount rate 0 makes the value infinite; " +
          "expected a retention rate below 1, a discount rate above 0, or a number of periods");
      }
      multiple = now ? (1 + i) / (1 + i - r) : r / (1 + i - r);
    } else {
      var n = PB.number(a.periods, "periods", { minimum: 1, whole: true, field: "periods" });
      multiple = finiteMultiple(q, n, now);
    }
    return { clv: m * multiple, margin_multiple: multiple, per_period_factor: q };
  }

  // A geometric sum of n terms starting at q^0 (now) or q^1 (after one period)
  function finiteMultiple(q, n, now) {
    if (q === 1) return n;
    var total = (1 - Math.pow(q, n)) / (1 - q);
    return now ? total : q * total;
  }

  // A lifetime value spread over its periods: what the seed's examples say per year
  function perPeriod(a) {
    var total = PB.number(a.value, "lifetime value", { minimum: 0, field: "value" });
    var length = PB.number(a.periods, "periods", { minimum: 1, field: "periods" });
    return { per_period: total / length };
  }

  var FORMS = {
    seed: [seedForm, ["purchases_per_period", "average_amount", "periods", "margin", "retention_cost",
      "referral_value"], ["purchases_per_period", "average_amount", "periods"]],
    retention: [retentionForm, ["margin", "retention", "discount", "first_margin_now", "periods"],
      ["margin", "retention", "discount"]],
    "per-period": [perPeriod, ["value", "periods"], ["value", "periods"]]
  };

  // The registry entry: `form` is 'seed' (default), 'retention' or 'per-period'
  PB.calculators.clv = function (inputs) {
    var args = Object.assign({}, inputs);
    var form = "form" in args ? args.form : "seed";
    delete args.form;
    if (!Object.prototype.hasOwnProperty.call(FORMS, form)) {
      PB.fail("unknown", { field: "form" }, "form " + PB.py.repr(form) + " is unknown; expected one of: " +
        Object.keys(FORMS).join(", "));
    }
    var spec = FORMS[form];
    return PB.call(spec[0], spec[1], spec[2], args, "clv (" + form + ")");
  };
})(typeof self !== "undefined" ? self : globalThis);
