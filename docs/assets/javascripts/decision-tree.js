/* Decision trees on screen: one question at a time, its answers as buttons, the answers given so far above
   it, Back and Start again. Without this script (and in print) every node shows, numbered, with each answer
   pointing to its step: the same tree as a one-page flowchart. */
(function () {
  "use strict";

  function bind(tree) {
    if (tree.dataset.bound) return;
    tree.dataset.bound = "1";
    var nodes = Array.prototype.slice.call(tree.querySelectorAll(".pb-tree__node"));
    var path = tree.querySelector(".pb-tree__path"), controls = tree.querySelector(".pb-tree__controls");
    var history = [];  // [{node, answer text}]

    function show(id, focus) {
      nodes.forEach(function (node) { node.classList.toggle("pb-tree__node--current", node.dataset.node === id); });
      tree.classList.add("pb-tree--stepping");
      path.textContent = "";
      history.forEach(function (step) {
        var item = document.createElement("li");
        item.textContent = step.answer;
        path.appendChild(item);
      });
      path.hidden = history.length === 0;
      controls.hidden = false;
      tree.querySelector("[data-tree-back]").disabled = history.length === 0;
      if (focus) tree.querySelector(".pb-tree__node--current").focus();
    }

    tree.addEventListener("click", function (event) {
      var answer = event.target.closest(".pb-tree__answer");
      if (answer) {
        event.preventDefault();
        history.push({ node: answer.closest(".pb-tree__node").dataset.node, answer: answer.textContent });
        show(answer.dataset.next, true);
      } else if (event.target.closest("[data-tree-back]") && history.length) {
        show(history.pop().node, true);
      } else if (event.target.closest("[data-tree-restart]")) {
        history = [];
        show(nodes[0].dataset.node, true);
      }
    });
    show(nodes[0].dataset.node, false);
  }

  function bindAll() { document.querySelectorAll("[data-decision-tree]").forEach(bind); }

  window.pbStore.ready(bindAll);
})();
