/* The course composer page (docs/courses/composer.md): pick blocks from the playbook, time them day by day, see
   the agenda on the clock and the checker's problems beside their fields, print the agenda and the handouts,
   download the course file. The draft stays in this browser (localStorage, one per language); a stored value
   this page did not write is set aside under <key>:set-aside and the composer starts clean. Every text from
   data reaches the page as textContent, never as markup. Here: picking blocks and timing the days; the draft
   is composer-draft.js, the agenda and the problems composer-agenda.js, the checks and the YAML
   composer-course.js, composer-problems.js and composer-check.js (loaded in that order, before this). */
(function () {
  "use strict";

  var PC = window.PlaybookComposer || {}, element = PC.element, fill = PC.fill;

  function Composer(root) {
    this.root = root;
    this.data = JSON.parse(root.querySelector(".pb-composer__data").textContent);
    this.words = this.data.words;
    this.lang = root.dataset.lang;
    this.key = root.dataset.storageKey;
    this.form = root.querySelector(".pb-composer__form");
    this.byKey = {};
    this.data.catalogue.forEach(function (entry) { this.byKey[entry.pick + ":" + entry.id] = entry; }, this);
    this.draft = PC.draft.load(this.key);
  }

  // The course file the draft stands for
  Composer.prototype.course = function () {
    return PC.draft.course(this.draft, this.byKey, this.data.dayTitle);
  };

  // The form's fixed fields, filters and the catalogue
  Composer.prototype.start = function () {
    var self = this;
    this.form.hidden = false;
    this.root.querySelector(".pb-composer__result").hidden = false;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    ["role", "stage", "tag"].forEach(function (name) {
      var select = self.form.elements["filter-" + name];
      select.appendChild(element("option", { value: "" }, self.words.all));
      self.data.filters[name].forEach(function (pair) { select.appendChild(element("option", { value: pair[0] }, pair[1])); });
      select.addEventListener("change", function () { self.drawCatalogue(); });
    });
    this.form.addEventListener("input", function (event) { self.edit(event.target); });
    this.form.addEventListener("change", function (event) { self.edit(event.target); });
    this.form.addEventListener("click", function (event) { self.click(event.target.closest("button[data-do]")); });
    this.root.querySelector(".pb-composer__actions").addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (button) self[button.dataset.action]();
    });
    this.showCourseFields();
    this.drawDays();
    this.drawCatalogue();
    this.update();
  };

  Composer.prototype.showCourseFields = function () {
    var form = this.form, draft = this.draft;
    form.elements.id.value = draft.id;
    form.elements.owner.value = draft.owner;
    form.elements.review_by.value = draft.review_by;
    ["title", "summary"].forEach(function (name) {
      ["zh", "en"].forEach(function (lang) { form.elements[name + "." + lang].value = draft[name][lang]; });
    });
    form.querySelectorAll("input[name=audience]").forEach(function (box) { box.checked = draft.audience.indexOf(box.value) >= 0; });
    form.elements.days.value = draft.days.length;
  };

  Composer.prototype.drawCatalogue = function () {
    var form = this.form, self = this;
    var wanted = { role: form.elements["filter-role"].value, stage: form.elements["filter-stage"].value,
                   tag: form.elements["filter-tag"].value };
    var list = this.root.querySelector(".pb-composer__catalogue");
    list.textContent = "";
    var shown = this.data.catalogue.filter(function (entry) {
      return (!wanted.role || entry.roles.indexOf(wanted.role) >= 0) && (!wanted.stage || entry.stage === wanted.stage) &&
        (!wanted.tag || entry.tag === wanted.tag);
    });
    shown.forEach(function (entry) {
      var item = element("li", { "data-pick": entry.pick + ":" + entry.id });
      item.appendChild(element("span", { class: "pb-composer__pick-kind" }, self.data.pickKinds[entry.pick]));
      item.appendChild(element("span", { class: "pb-composer__pick-title" }, entry.title[self.lang]));
      item.appendChild(element("span", { class: "pb-composer__pick-minutes" }, entry.minutes + " " + self.words.minutes));
      var button = element("button", { type: "button", class: "md-button", "data-do": "add",
                                       "aria-label": self.words.add + ": " + entry.title[self.lang] }, self.words.add);
      item.appendChild(button);
      list.appendChild(item);
    });
    this.root.querySelector(".pb-composer__shown").textContent = fill(this.words.shown, { count: shown.length });
  };

  // The days: start and end times, the blocks with their kind and minutes, moving and removing them
  Composer.prototype.drawDays = function () {
    var self = this, holder = this.root.querySelector(".pb-composer__days");
    holder.textContent = "";
    var target = this.form.elements["add-to"], chosen = Number(target.value) || 0;
    target.textContent = "";
    this.draft.days.forEach(function (day, d) {
      target.appendChild(element("option", { value: String(d) }, fill(self.words.day, { n: d + 1 })));
      holder.appendChild(self.drawDay(day, d));
    });
    target.value = String(Math.min(chosen, this.draft.days.length - 1));
  };

  Composer.prototype.drawDay = function (day, d) {
    var self = this;
    var box = element("fieldset", { class: "pb-composer__day", "data-day": String(d), "data-path": "sessions." + d + ".blocks" });
    box.appendChild(element("legend", {}, fill(this.words.day, { n: d + 1 })));
    var times = element("div", { class: "pb-composer__times" });
    times.appendChild(this.field(d === 0 ? "start" : "sessions." + d + ".start", this.words.start,
                                 { type: "time", value: day.start, "data-bind": "start", "data-day": String(d) }));
    times.appendChild(this.field("sessions." + d + ".end", this.words.end,
                                 { type: "time", value: day.end, "data-bind": "end", "data-day": String(d) }));
    box.appendChild(times);
    var list = element("ol", { class: "pb-composer__blocks" });
    day.blocks.forEach(function (block, b) { list.appendChild(self.drawBlock(block, d, b)); });
    if (!day.blocks.length) list.appendChild(element("li", { class: "pb-composer__empty" }, this.words["no-blocks"]));
    box.appendChild(list);
    box.appendChild(element("button", { type: "button", class: "md-button", "data-do": "break", "data-day": String(d) },
                            this.words["add-break"]));
    return box;
  };

  Composer.prototype.field = function (path, label, attributes) {
    var wrapper = element("label", { class: "pb-composer__field", "data-path": path }, label + " ");
    wrapper.appendChild(element("input", attributes));
    return wrapper;
  };

  Composer.prototype.drawBlock = function (block, d, b) {
    var self = this, path = "sessions." + d + ".blocks." + b, at = { "data-day": String(d), "data-block": String(b) };
    var item = element("li", { class: "pb-composer__block", "data-path": path });
    var title = block.title ? block.title[this.lang] : this.data.blockKinds["break"];
    item.appendChild(element("strong", { class: "pb-composer__block-title" }, title));
    item.appendChild(element("span", { class: "pb-composer__clock" }));
    var kind = element("label", { class: "pb-composer__field", "data-path": path + ".kind" }, this.words.kind + " ");
    var select = element("select", Object.assign({ "data-bind": "kind" }, at));
    PC.KINDS.forEach(function (name) { select.appendChild(element("option", { value: name }, self.data.blockKinds[name])); });
    select.value = block.kind;
    kind.appendChild(select);
    item.appendChild(kind);
    var minutes = block.minutes === null ? "" : String(block.minutes);
    item.appendChild(this.field(path + ".minutes", this.words.minutes, Object.assign(
      { type: "number", inputmode: "numeric", step: "1", value: minutes, "data-bind": "minutes" }, at)));
    var tools = element("span", { class: "pb-composer__tools" });
    [["up", "↑"], ["down", "↓"], ["remove", "✕"]].forEach(function (pair) {
      tools.appendChild(element("button", Object.assign({ type: "button", class: "md-button", "data-do": pair[0],
                                                          "aria-label": self.words[pair[0]] + ": " + title }, at), pair[1]));
    });
    item.appendChild(tools);
    return item;
  };

  // An edit in the form: change the draft, keep it, show the new agenda and problems
  Composer.prototype.edit = function (target) {
    var draft = this.draft, name = target.name, bind = target.dataset.bind;
    if (!name && !bind) return;
    if (name === "id" || name === "owner" || name === "review_by") draft[name] = target.value;
    else if (/^(title|summary)\./.test(name)) draft[name.split(".")[0]][name.split(".")[1]] = target.value;
    else if (name === "audience") {
      draft.audience = Array.prototype.filter.call(this.form.querySelectorAll("input[name=audience]"),
        function (box) { return box.checked; }).map(function (box) { return box.value; });
    } else if (name === "days") return this.setDays(target.value);
    else if (bind === "start" || bind === "end") draft.days[Number(target.dataset.day)][bind] = target.value;
    else if (bind === "kind" || bind === "minutes") {
      var block = draft.days[Number(target.dataset.day)].blocks[Number(target.dataset.block)];
      block[bind] = bind === "kind" ? target.value : target.value === "" ? null : Number(target.value);
    } else return;
    this.update();
  };

  Composer.prototype.setDays = function (value) {
    var count = Math.round(Number(value));
    if (!(count >= 1 && count <= 10)) return;
    var days = this.draft.days;
    while (days.length < count) days.push({ start: days[days.length - 1].start, end: days[days.length - 1].end, blocks: [] });
    // Days taken away keep nothing: their blocks go back to the last day left
    while (days.length > count) days[count - 1].blocks = days[count - 1].blocks.concat(days.pop().blocks);
    this.drawDays();
    this.update();
  };

  Composer.prototype.click = function (button) {
    if (!button) return;
    var act = button.dataset.do, days = this.draft.days;
    if (act === "add") {
      var entry = this.byKey[button.closest("li").dataset.pick];
      var block = JSON.parse(JSON.stringify(entry.block));
      block.minutes = entry.minutes;
      block.title = { zh: entry.title.zh, en: entry.title.en };
      block.from = entry.pick + ":" + entry.id;
      days[Number(this.form.elements["add-to"].value) || 0].blocks.push(block);
      this.status(fill(this.words.added, { title: entry.title[this.lang] }));
    } else if (act === "break") {
      days[Number(button.dataset.day)].blocks.push({ kind: "break", minutes: 15 });
    } else {
      var list = days[Number(button.dataset.day)].blocks, b = Number(button.dataset.block);
      var moved = list.splice(b, 1)[0];
      if (act === "up") list.splice(Math.max(0, b - 1), 0, moved);
      if (act === "down") list.splice(Math.min(list.length, b + 1), 0, moved);
    }
    this.drawDays();
    this.update();
  };

  Composer.prototype.status = function (text) {
    this.root.querySelector(".pb-composer__status").textContent = text;
  };

  Composer.prototype.update = function () {
    window.pbStore.save(this.key, this.draft);
    var course = this.course();
    this.problems = this.check(course);
    PC.view.agenda(this, course);
    PC.view.problems(this);
    this.root.querySelector("[data-action=download]").disabled = this.problems.length > 0;
  };

  // The checker stops at the first kind of problem (what the schema refuses); so that the timings and the
  // blocks are checked while the course's title or audience is still blank, they are checked once more with
  // stand-ins for those, and what that finds in the days and the duration is said too
  Composer.prototype.check = function (course) {
    var problems = PC.check(course, this.data.check);
    var facts = { id: "draft", title: { zh: "-", en: "-" }, summary: { zh: "-", en: "-" }, audience: [this.data.check.roles[0]] };
    var said = problems.map(function (p) { return p.path.join("."); });
    PC.check(Object.assign({}, course, facts), this.data.check).forEach(function (problem) {
      if (/^(sessions|duration|start)$/.test(problem.path[0]) && said.indexOf(problem.path.join(".")) < 0) problems.push(problem);
    });
    return problems;
  };

  // The actions
  Composer.prototype.download = function () {
    var course = this.course();
    var yaml = PC.toYaml(course, fill(this.words["yaml-comment"], { id: course.id }));
    var link = element("a", { href: URL.createObjectURL(new Blob([yaml], { type: "application/yaml" })),
                              download: course.id + ".yml" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    this.status(fill(this.words.saved, { file: course.id + ".yml" }));
  };

  Composer.prototype.print = function () {
    window.print();
  };

  Composer.prototype.clear = function () {
    this.draft = PC.draft.empty();
    this.showCourseFields();
    this.drawDays();
    this.update();
  };

  function init() {
    document.querySelectorAll("[data-composer]").forEach(function (root) {
      if (root.dataset.pbBound || !PC.view) return;
      root.dataset.pbBound = "true";
      new Composer(root).start();
    });
  }

  window.pbStore.ready(init);
})();
