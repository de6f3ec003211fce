/* Weighted pipeline forecast, mirroring calculators/pipeline/__init__.py: Σ amount × stage probability, with the
   stages of playbook_data/calculators/pipeline.yml (won 1, lost 0) unless the caller passes its own,
   rolled up bottom-up by stage, salesperson and region. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var NONE = "(none)";

  function text(value) {
    if (value === null || value === undefined || value === false || value === 0 || value === "") return "";
    return typeof value === "number" && !Number.isInteger(value) ? PB.py.floatRepr(value) : String(value);
  }

  // Stage lookup by key, Chinese or English title, or alias (case-insensitive)
  function Stages(probabilities, data) {
    var stages = data.settings.pipeline.stages, self = this;
    this.probability = new Map(stages.map(function (s) { return [s.key, s.probability]; }));
    if (probabilities !== undefined && probabilities !== null) {
      if (typeof probabilities !== "object" || Array.isArray(probabilities)) {
        PB.fail("not-mapping", { field: "probabilities" }, "probabilities is not a mapping; expected {stage: probability}");
      }
      this.probability = new Map(Object.keys(probabilities).map(function (k) {
        return [k, PB.rate(probabilities[k], "probability of stage '" + k + "'", "probability")];
      }));
    }
    this.names = new Map();
    this.probability.forEach(function (p, k) { self.names.set(k.toLowerCase(), k); });
    stages.forEach(function (s) {
      [s.title.zh, s.title.en].concat(s.aliases || []).forEach(function (name) {
        var key = PB.py.strip(name).toLowerCase();
        if (!self.names.has(key)) self.names.set(key, s.key);
      });
    });
  }

  Stages.prototype.key = function (value, name, row) {
    var typed = PB.py.strip(text(value));
    var found = this.names.get(typed.toLowerCase());
    if (found === undefined || !this.probability.has(found)) {
      var shown = typed ? '"' + value + '" is not a known stage' : "empty";
      PB.fail(typed ? "unknown-stage" : "empty-stage", { field: "stage", value: value, row: row, name: name,
        shown: '"' + value + '"', stages: Array.from(this.probability.keys()).join(", ") },
        name + " " + shown + "; expected one of: " + Array.from(this.probability.keys()).join(", "));
    }
    return found;
  };

  function empty() {
    return { deals: 0, amount: 0.0, weighted: 0.0 };
  }

  function addTo(bucket, amount, weighted) {
    bucket.deals += 1;
    bucket.amount += amount;
    bucket.weighted += weighted;
  }

  // Sums fed one deal at a time (file scoring streams a file through it)
  function Rollup(stages) {
    this.stages = stages;
    this.total = empty();
    this.by = { stage: new Map(), salesperson: new Map(), region: new Map() };
    var byStage = this.by.stage;
    stages.probability.forEach(function (p, k) { byStage.set(k, empty()); });
  }

  Rollup.prototype.add = function (amount, stage, salesperson, region) {
    var weighted = amount * this.stages.probability.get(stage), by = this.by;
    [["stage", stage], ["salesperson", salesperson || NONE], ["region", region || NONE]].forEach(function (g) {
      if (!by[g[0]].has(g[1])) by[g[0]].set(g[1], empty());
      addTo(by[g[0]].get(g[1]), amount, weighted);
    });
    addTo(this.total, amount, weighted);
    return weighted;
  };

  function object(map) {
    var out = {};
    map.forEach(function (v, k) { out[k] = v; });
    return out;
  }

  Rollup.prototype.result = function () {
    return { total: this.total, by_stage: object(this.by.stage), by_salesperson: object(this.by.salesperson),
      by_region: object(this.by.region), groups: this.by };
  };

  function forecast(args, data) {
    if (!Array.isArray(args.deals)) {
      PB.fail("not-list", { field: "deals" }, "deals is not a list; expected a list of {amount, stage, salesperson, region}");
    }
    var rollup = new Rollup(new Stages(args.probabilities, data));
    var weighted = args.deals.map(function (deal, k) {
      var i = k + 1;
      var amount = PB.number(deal.amount, "deal " + i + ": amount", { minimum: 0, field: "amount", row: i });
      var stage = rollup.stages.key(deal.stage, "deal " + i + ": stage", i);
      return rollup.add(amount, stage, text(deal.salesperson), text(deal.region));
    });
    var out = rollup.result();
    delete out.groups;
    out.weighted = weighted;
    return out;
  }

  // Registry entry: {"deals": [...], "probabilities": {...}}
  PB.calculators.pipeline = function (inputs, data) {
    return PB.call(function (args) { return forecast(args, data); }, ["deals", "probabilities"], ["deals"], inputs, "pipeline");
  };

  PB.pipeline = { Stages: Stages, Rollup: Rollup, NONE: NONE };
})(typeof self !== "undefined" ? self : globalThis);
