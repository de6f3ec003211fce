/* Printing: blank boxes and lines unless "print with my ticks" was asked for, whatever starts the printing
   (these buttons, Ctrl+P, headless chromium's page.pdf); one checklist or sheet alone, or a whole booklet.
   Links in the text get their address written after them. The buttons set classes on <html> that print.css
   reads; everything is undone after printing. */
(function () {
  "use strict";

  var MODES = ["pb-print-single", "pb-print-mine"];
  var stash = null;  // [field, checked, value] of every form field emptied for a blank print

  function reset() {
    document.documentElement.classList.remove.apply(document.documentElement.classList, MODES);
    document.querySelectorAll(".pb-print-target").forEach(function (el) {
      el.classList.remove("pb-print-target");
    });
  }

  // Print one form (or part) alone; `mine` keeps the ticks and entries, otherwise the boxes print empty
  function printForm(form, mine) {
    reset();
    form.classList.add("pb-print-target");
    document.documentElement.classList.add("pb-print-single");
    if (mine) document.documentElement.classList.add("pb-print-mine");
    window.print();
  }

  function bind(button) {
    if (button.dataset.pbBound) return;
    button.dataset.pbBound = "true";
    var action = button.dataset.action;
    var form = button.closest("form");
    if (action === "print" && form) button.addEventListener("click", function () { printForm(form, false); });
    if (action === "print-mine" && form) button.addEventListener("click", function () { printForm(form, true); });
    if (action === "print-part") {  // a part of the page marked data-print-part, such as one day's agenda
      button.addEventListener("click", function () { printForm(button.closest("[data-print-part]"), true); });
      button.hidden = false;
    }
    if (action === "print-page") {
      button.addEventListener("click", function () { reset(); window.print(); });
      button.hidden = false;
    }
  }

  function init() {
    document.querySelectorAll("[data-action^=print]").forEach(bind);
  }

  // Before a blank print: empty every form, remembering what it held (no input event: storage is untouched)
  function blank() {
    stash = [];
    document.querySelectorAll("form.pb-checklist, form.pb-sheet").forEach(function (form) {
      form.querySelectorAll("input[name], textarea[name]").forEach(function (field) {
        stash.push([field, field.checked, field.value]);
        if (field.type === "checkbox" || field.type === "radio") field.checked = false;
        else field.value = "";
      });
    });
  }

  function restore() {
    (stash || []).forEach(function (saved) {
      var field = saved[0];
      if (field.type === "checkbox" || field.type === "radio") field.checked = saved[1];
      else field.value = saved[2];
    });
    stash = null;
  }

  // The published address of the page (material's canonical link, from site_url), or null for a local build
  function publishedBase() {
    var canonical = document.querySelector("link[rel=canonical]");
    if (!canonical) return null;
    var host = new URL(canonical.href).hostname;
    return /^(localhost$|127\.|\[::1\]$|0\.0\.0\.0$)/.test(host) ? null : canonical.href;
  }

  // An address that wraps only after a "/": each part whole (print.css), a <wbr> after each slash
  function breakable(address) {
    var span = document.createElement("span");
    span.className = "pb-print-address";
    span.append(" (");
    address.split(/(?<=\/)(?!\/)/).forEach(function (part, index) {
      var whole = document.createElement("span");
      whole.textContent = part;
      if (index) span.append(document.createElement("wbr"));
      span.append(whole);
    });
    span.append(")");
    return span;
  }

  // After each link to another page or site, its address: external ones always, the site's own pages
  // only under a published address (a local one means nothing on paper). Not anchors, not the contents.
  function addresses() {
    var base = publishedBase();
    document.querySelectorAll(".md-content article a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      var external = /^https?:/i.test(href);
      if (href.charAt(0) === "#" || (!external && !base) || link.closest(".headerlink, nav, .pb-booklet__toc")) return;
      var address = new URL(href, base || undefined).href;
      if (link.textContent.trim() !== address) link.after(breakable(address));
    });
  }

  window.addEventListener("beforeprint", function () {
    if (!document.documentElement.classList.contains("pb-print-mine")) blank();
    addresses();
  });
  // Chromium may return from print() before printing: undo everything only once printing is over
  window.addEventListener("afterprint", function () {
    restore();
    reset();
    document.querySelectorAll(".pb-print-address").forEach(function (span) { span.remove(); });
  });

  window.pbStore.ready(init);
})();
