/* A table wider than the page scrolls sideways inside material's .md-typeset__scrollwrap. A keyboard scrolls
   only what it can focus, so a wrapper that overflows joins the tab order (axe scrollable-region-focusable);
   one that fits leaves it. Checked after material wraps the tables, and again when the window is resized. */
(function () {
  "use strict";

  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) wrap.tabIndex = 0;
      else wrap.removeAttribute("tabindex");
    });
  }

  // material announces each loaded page on `document$`; without it (no bundle), the page is already whole
  if (window.document$) window.document$.subscribe(mark);
  else document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
})();
