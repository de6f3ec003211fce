/* The glossary's filter box: as the reader types, only the terms whose name (in either language, in pinyin
   or its initials: playbook/glossary/glossary.py writes them into data-match) contains what was typed stay shown, and
   letters left without a term leave the index. Without JavaScript the box stays hidden and every term shows. */
(function () {
  "use strict";

  // What playbook/glossary/glossary.py's normal() makes of a name: lower case, letters and digits only
  function normal(text) {
    return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  }

  function setUp(root) {
    var box = root.querySelector(".pb-glossary__filter"), input = box.querySelector("input");
    var count = box.querySelector(".pb-glossary__count");
    var terms = Array.prototype.slice.call(root.querySelectorAll(".pb-term"));
    var groups = Array.prototype.slice.call(root.querySelectorAll(".pb-glossary__group"));
    var letters = Array.prototype.slice.call(root.querySelectorAll(".pb-glossary__letters a"));

    function filter() {
      var typed = normal(input.value), shown = 0;
      terms.forEach(function (term) {
        var hit = !typed || term.dataset.match.split("\n").some(function (form) { return form.indexOf(typed) >= 0; });
        term.hidden = !hit;
        if (hit) shown += 1;
      });
      groups.forEach(function (group, k) {
        group.hidden = !group.querySelector(".pb-term:not([hidden])");
        letters[k].hidden = group.hidden;
      });
      count.textContent = shown ? count.dataset.template.replace("{count}", shown).replace("{total}", count.dataset.total)
        : count.dataset.none;
    }

    input.addEventListener("input", filter);
    box.hidden = false;
    if (input.value) filter();  // a value the browser restored on going back
  }

  document.querySelectorAll("[data-glossary]").forEach(setUp);
})();
