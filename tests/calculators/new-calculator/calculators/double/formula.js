/* Twice a number, mirroring calculators/double/__init__.py (the factor from playbook_data/calculators/double.yml). */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  PB.calculators.double = function (inputs, data) {
    return { twice: 2 * PB.number(inputs.x, "x") * data.settings.double.parameters.factor.value };
  };
})(typeof self !== "undefined" ? self : globalThis);
