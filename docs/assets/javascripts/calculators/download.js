/* Offer a result the browser made (a Blob) as a file to save; nothing is sent anywhere. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;

  // A link that saves `blob` as `name`; the previous link's object URL is released
  function link(anchor, blob, name) {
    if (anchor.href && anchor.href.indexOf("blob:") === 0) URL.revokeObjectURL(anchor.href);
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
