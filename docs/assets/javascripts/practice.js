/* Practice cards with spaced repetition. The cards come from the page (built from the data by
   playbook/practice/cards.py); ts-fsrs (vendor/, the FSRS scheduler from npm) decides when each is due again; the
   schedule stays in this browser's localStorage, one entry per language. A stored entry this page did not
   write is set aside under <key>:set-aside and the review starts clean. */
(function () {
  "use strict";

  var VERSION = 1, NEW_PER_DAY = 10;

  function today(now) { return window.pbStore.day(now); }

  function fresh(now) { return { version: VERSION, day: today(now), newToday: 0, cards: {} }; }

  function isSchedule(value) {
    return value !== null && typeof value === "object" && value.version === VERSION &&
      typeof value.day === "string" && typeof value.newToday === "number" &&
      value.cards !== null && typeof value.cards === "object" && !Array.isArray(value.cards) &&
      Object.keys(value.cards).every(function (id) {
        var c = value.cards[id];
        return c && typeof c === "object" && typeof c.due === "string" && !isNaN(Date.parse(c.due)) &&
          typeof c.stability === "number" && typeof c.difficulty === "number" && typeof c.state === "number";
      });
  }

  // The stored schedule, its count of new cards started again on a new day (rate() saves what it loads)
  function load(key, now) {
    var schedule = window.pbStore.load(key, isSchedule, function () { return fresh(now); });
    if (schedule.day !== today(now)) { schedule.day = today(now); schedule.newToday = 0; }
    return schedule;
  }

  // A stored card as ts-fsrs wants it: dates as Date objects.
  function revive(card) {
    var out = Object.assign({}, card);
    out.due = new Date(card.due);
    out.last_review = card.last_review ? new Date(card.last_review) : undefined;
    return out;
  }

  // Today's queue: cards due now (oldest first), then new cards up to the day's allowance, in deck order.
  function queue(cards, schedule, now) {
    var due = cards.filter(function (c) { var s = schedule.cards[c.id]; return s && new Date(s.due) <= now; })
      .sort(function (a, b) { return Date.parse(schedule.cards[a.id].due) - Date.parse(schedule.cards[b.id].due); });
    var unseen = cards.filter(function (c) { return !schedule.cards[c.id]; })
      .slice(0, Math.max(0, NEW_PER_DAY - schedule.newToday));
    return { due: due, unseen: unseen, next: due[0] || unseen[0] };
  }

  function bind(box) {
    if (box.dataset.bound || !window.FSRS) return;
    box.dataset.bound = "1";
    var F = window.FSRS, scheduler = F.fsrs(), key = box.dataset.storageKey;
    var cards = JSON.parse(box.querySelector(".pb-cards__data").textContent);
    var el = function (selector) { return box.querySelector(selector); };
    var current = null, timer = null;

    function render() {
      clearTimeout(timer);
      var now = new Date(), schedule = load(key, now), q = queue(cards, schedule, now);
      el(".pb-cards__today").textContent = el(".pb-cards__today").dataset.template
        .replace("{due}", q.due.length).replace("{new}", q.unseen.length);
      current = q.next || null;
      el(".pb-cards__card").hidden = !current;
      el(".pb-cards__done").hidden = !!current;
      el("[data-show]").hidden = !current || current.deck === "lines";
      el(".pb-cards__ratings").hidden = true;
      el("[data-next]").hidden = true;
      el(".pb-cards__back").hidden = true;
      if (!current) return comeBack(schedule, now);
      el(".pb-cards__context").textContent = current.context || "";
      el(".pb-cards__front").textContent = current.deck === "lines" ? el(".pb-cards__options").dataset.which
                                                                     : current.front;
      var options = el(".pb-cards__options");
      options.textContent = "";
      if (current.deck === "lines") order(current).forEach(function (k) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button pb-cards__option";
        button.dataset.option = k;
        button.textContent = current.options[k];
        options.appendChild(button);
      });
    }

    // A card forgotten comes back within minutes (FSRS's learning steps): shown then, with no reload, if due today.
    function comeBack(schedule, now) {
      var later = Object.keys(schedule.cards).map(function (id) { return Date.parse(schedule.cards[id].due); })
        .filter(function (due) { return due > now && window.pbStore.day(new Date(due)) === today(now); });
      if (later.length) timer = setTimeout(render, Math.min.apply(null, later) - now + 100);
    }

    // The two lines in an order fixed by the card's id, so the right one is not always first.
    function order(card) {
      var sum = 0;
      for (var i = 0; i < card.id.length; i++) sum += card.id.charCodeAt(i);
      return sum % 2 ? [1, 0] : [0, 1];
    }

    function reveal(text) {
      var back = el(".pb-cards__back");
      back.textContent = text;
      back.hidden = false;
    }

    function rate(rating) {
      var now = new Date(), schedule = load(key, now), stored = schedule.cards[current.id];
      if (!stored) schedule.newToday += 1;
      var card = stored ? revive(stored) : F.createEmptyCard(now);
      schedule.cards[current.id] = scheduler.next(card, now, rating).card;
      window.pbStore.save(key, schedule);
      render();
    }

    box.addEventListener("click", function (event) {
      var target = event.target;
      if (!current) { if (target.closest("[data-reset]")) { window.pbStore.save(key, fresh(new Date())); render(); } return; }
      if (target.closest("[data-show]")) {
        reveal(current.back);
        el("[data-show]").hidden = true;
        el(".pb-cards__ratings").hidden = false;
      } else if (target.closest("[data-rating]")) {
        rate(Number(target.closest("[data-rating]").dataset.rating));
      } else if (target.closest("[data-option]")) {
        var right = Number(target.closest("[data-option]").dataset.option) === current.right;
        var back = el(".pb-cards__back");
        reveal((right ? back.dataset.right : back.dataset.wrong + " " + current.options[1 - current.right]) +
               " " + current.back);
        box.querySelectorAll("[data-option]").forEach(function (b) { b.disabled = true; });
        current.grade = right ? F.Rating.Good : F.Rating.Again;
        el("[data-next]").hidden = false;
      } else if (target.closest("[data-next]")) {
        rate(current.grade);
      } else if (target.closest("[data-reset]")) {
        window.pbStore.save(key, fresh(new Date()));
        render();
      }
    });
    render();
  }

  function bindAll() { document.querySelectorAll("[data-practice-cards]").forEach(bind); }

  window.pbStore.ready(bindAll);
})();
