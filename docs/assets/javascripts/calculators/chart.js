/* A small horizontal bar chart as inline SVG (no library): one bar per label with its count.
   Labels are set as text nodes, never as markup. */
(function (root) {
  "use strict";

  var PB = root.PlaybookCalc, NS = "http://www.w3.org/2000/svg";
  var ROW = 24, LABEL = 130, WIDTH = 420;

  function node(name, attrs, text) {
    var el = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    return el;
  }

  // bars: [[label, count]]; title: the chart's accessible name
  function bars(data, title) {
    var most = Math.max.apply(null, data.map(function (d) { return d[1]; }).concat([1]));
    var svg = node("svg", { viewBox: "0 0 " + WIDTH + " " + (data.length * ROW + 4), role: "img", "aria-label": title,
      class: "pb-chart" });
    svg.appendChild(node("title", {}, title));
    data.forEach(function (d, k) {
      var y = k * ROW + 2, w = Math.max(1, Math.round((WIDTH - LABEL - 70) * d[1] / most));
      svg.appendChild(node("text", { x: LABEL - 6, y: y + 15, "text-anchor": "end", class: "pb-chart__label" }, String(d[0])));
      svg.appendChild(node("rect", { x: LABEL, y: y + 3, width: w, height: ROW - 8, class: "pb-chart__bar" }));
      svg.appendChild(node("text", { x: LABEL + w + 6, y: y + 15, class: "pb-chart__count" }, String(d[1])));
    });
    return svg;
  }

  PB.chart = { bars: bars };
})(window);
