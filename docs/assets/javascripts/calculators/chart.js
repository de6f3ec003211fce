/* A small horizontal bar chart as inline SVG (no library): one bar per label with its count, drawn into
   the empty <svg> the page holds (whose namespace the new nodes take). Labels are text nodes, never markup. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc;
  var ROW = 24, LABEL = 130, WIDTH = 420;

  function node(svg, name, attrs, text) {
    var el = document.createElementNS(svg.namespaceURI, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  // Draw [[label, count]] into `svg`, replacing what it showed; `title` is its accessible name
  function bars(svg, data, title) {
    var most = Math.max.apply(null, data.map(function (d) { return d[1]; }).concat([1]));
    svg.replaceChildren();
    svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + (data.length * ROW + 4));
    svg.setAttribute("role", "img");  // named only once drawn: an empty chart is no image (axe svg-img-alt)
    svg.setAttribute("aria-label", title);
    svg.appendChild(node(svg, "title", {}, title));
    data.forEach(function (d, k) {
      var y = k * ROW + 2, w = Math.max(1, Math.round((WIDTH - LABEL - 70) * d[1] / most));
      svg.appendChild(node(svg, "text", { x: LABEL - 6, y: y + 15, "text-anchor": "end", class: "pb-chart__label" }, String(d[0])));
      svg.appendChild(node(svg, "rect", { x: LABEL, y: y + 3, width: w, height: ROW - 8, class: "pb-chart__bar" }));
      svg.appendChild(node(svg, "text", { x: LABEL + w + 6, y: y + 15, class: "pb-chart__count" }, String(d[1])));
    });
    svg.removeAttribute("hidden");  // an <svg> has no `hidden` property: only the attribute hides it
  }

  PB.chart = { bars: bars };
})(window);
