/* What the course composer (composer.js) shows of a course besides the form: the agenda as it prints, with the
   handouts, and each problem of the checker beside its field. Every text from data reaches the page as
   textContent, never as markup. Loaded after composer-draft.js. */
(function () {
  "use strict";

  var PC = window.PlaybookComposer;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Each problem beside its field, in the page's language; those with no field of their own in the list above
  function showProblems(composer) {
    var root = composer.root;
    root.querySelectorAll(".pb-composer__error").forEach(function (node) { node.remove(); });
    root.querySelectorAll("[aria-invalid]").forEach(function (node) { node.removeAttribute("aria-invalid"); });
    var box = root.querySelector(".pb-composer__problems");
    box.textContent = "";
    box.appendChild(element("p", {}, composer.problems.length ? PC.fill(composer.words.problems, { count: composer.problems.length })
                                                                : composer.words.ok));
    var loose = element("ul");
    composer.problems.forEach(function (problem, index) {
      var text = PC.fill(composer.words["err-" + problem.code] || problem.message, problem.params);
      var holder = holderOf(composer, problem.path);
      if (!holder) { loose.appendChild(element("li", {}, text)); return; }
      var note = element("p", { class: "pb-composer__error", id: "pb-composer-error-" + index }, text);
      var input = holder.querySelector("input, select");
      if (input && holder.matches("label, fieldset")) {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", note.id);
      }
      holder.appendChild(note);
    });
    if (loose.children.length) box.appendChild(loose);
  }

  // The element showing the deepest part of `path` that has one: sessions.0.blocks.1.modules.0 → the block
  function holderOf(composer, path) {
    for (var n = path.length; n > 0; n -= 1) {
      var key = path.slice(0, n).join(".");
      var found = Array.prototype.find.call(composer.root.querySelectorAll("[data-path]"), function (node) {
        return node.dataset.path.split(" ").indexOf(key) >= 0;
      });
      if (found) return found;
    }
    return null;
  }

  // The agenda as it prints: per day a table with the clock times, then the handouts, each once
  function drawAgenda(composer, course) {
    var holder = composer.root.querySelector(".pb-composer__agenda");
    holder.textContent = "";
    holder.appendChild(element("h2", {}, course.title[composer.lang] || composer.words.untitled));
    var days = PC.agenda(course), clocks = composer.root.querySelectorAll(".pb-composer__clock"), c = 0;
    days.forEach(function (day, d) {
      var table = element("table", { class: "pb-composer__table", "data-day": String(d) });
      table.appendChild(element("caption", {}, PC.fill(composer.words.day, { n: d + 1 })));
      var head = element("tr");
      [composer.words.time, composer.words.minutes, composer.words.kind, composer.words["block-title"]].forEach(function (text) {
        head.appendChild(element("th", { scope: "col" }, text));
      });
      table.appendChild(element("thead")).appendChild(head);
      var body = table.appendChild(element("tbody"));
      day.rows.forEach(function (row) {
        var tr = body.appendChild(element("tr", { class: "pb-composer__row--" + row.block.kind }));
        var title = row.block.title ? row.block.title[composer.lang] : composer.data.blockKinds["break"];
        [row.start + "–" + row.end, String(row.minutes), composer.data.blockKinds[row.block.kind] || row.block.kind, title]
          .forEach(function (text) { tr.appendChild(element("td", {}, text)); });
        if (clocks[c]) clocks[c].textContent = row.start + "–" + row.end;
        c += 1;
      });
      if (day.rows.length) {
        var foot = element("tr");
        foot.appendChild(element("td", {}, day.rows[0].start + "–" + day.rows[day.rows.length - 1].end));
        foot.appendChild(element("td", {}, String(day.minutes)));
        foot.appendChild(element("td", { colspan: "2" }, composer.words.total));
        table.appendChild(element("tfoot")).appendChild(foot);
      }
      holder.appendChild(table);
    });
    var total = element("p", { class: "pb-composer__total", "data-path": "duration sources covers" },
                        PC.fill(composer.words["course-total"], { minutes: course.duration }));
    holder.appendChild(total);
    drawHandouts(composer, course, holder);
  }

  function drawHandouts(composer, course, holder) {
    var seen = {}, items = [];
    course.sessions.forEach(function (session) {
      session.blocks.forEach(function (block) {
        (block.handouts || []).forEach(function (id) { note(["checklist", "sheet"], id); });
        if (block.roleplay) note(["talktrack", "script"], block.roleplay);
      });
    });
    function note(picks, id) {
      if (seen[id]) return;
      seen[id] = true;
      var entry = composer.data.catalogue.find(function (e) {
        return picks.indexOf(e.pick) >= 0 && (e.id === id || e.block.roleplay === id);
      });
      var kind = entry ? (entry.block.roleplay ? composer.words.card : composer.data.pickKinds[entry.pick]) : "";
      items.push(kind + (kind ? ": " : "") + (entry ? entry.title[composer.lang] : id));
    }
    holder.appendChild(element("h3", {}, composer.words.handouts));
    var list = holder.appendChild(element("ul", { class: "pb-composer__handouts" }));
    if (!items.length) list.appendChild(element("li", {}, composer.words.none));
    items.forEach(function (text) { list.appendChild(element("li", {}, text)); });
  }

  PC.element = element;
  PC.view = { agenda: drawAgenda, problems: showProblems };
})();
