// privex report: the tooltip of a span on hover and keyboard focus, and sortable tables. Inlined.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var shown = null;
  function spanOf(node) { return node && node.closest ? node.closest("mark.sp") : null; }
  function show(mark) {
    var desc = document.getElementById(mark.getAttribute("aria-describedby"));
    if (!desc) { return; }
    tip.innerHTML = desc.innerHTML;
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    shown = mark;
  }
  function hide() { tip.hidden = true; shown = null; }
  document.addEventListener("mouseover", function (e) { var m = spanOf(e.target); if (m) { show(m); } });
  document.addEventListener("mouseout", function (e) {
    var m = spanOf(e.target);
    if (m && m === shown && spanOf(e.relatedTarget) !== m) { hide(); }
  });
  document.addEventListener("focusin", function (e) { var m = spanOf(e.target); if (m) { show(m); } });
  document.addEventListener("focusout", function (e) { if (spanOf(e.target)) { hide(); } });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });

  function sortBy(table, column, type, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var v = row.cells[column].getAttribute("data-sort");
      return type === "number" ? parseFloat(v) : v.toLowerCase();
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var descending = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        sortBy(table, column, button.getAttribute("data-type"), descending);
      });
    });
  });
}());
