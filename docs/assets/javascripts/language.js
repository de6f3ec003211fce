/* Switching language keeps the reader's place: what the data renders (a talk track, a checklist, a card) has the
   same id in both languages, so a language link takes the address's #fragment along. A heading's id differs by
   language; the other page then opens at its top, as it did before. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link) link.hash = location.hash;  // set on each click: the reader may have moved since the last
  }, true);
})();
