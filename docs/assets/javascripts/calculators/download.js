/* Offer text as a file to save: UTF-8 with a BOM (so Excel opens Chinese correctly), made in the browser
   from a Blob; nothing is sent anywhere. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  // A link that saves `text` as `name`; the previous link's object URL is released
  function link(anchor, text, name) {
    if (anchor.href && anchor.href.indexOf("blob:") === 0) URL.revokeObjectURL(anchor.href);
    var blob = new Blob([PB.csv.BOM, text], { type: "text/csv;charset=utf-8" });
    anchor.href = URL.createObjectURL(blob);
    anchor.download = name;
    anchor.hidden = false;
  }

  // The result's file name: the input's name with -scored (or the kind) before .csv
  function resultName(input, kind) {
    var base = input.replace(/\.[^.]*$/, "") || "result";
    return base + "-" + kind.replace(/[^a-z0-9-]+/gi, "-") + ".csv";
  }

  PB.download = { link: link, resultName: resultName };
})(window);
