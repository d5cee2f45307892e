// indicator-lint report: sortable columns, a severity and text filter, and links that open their table.
// The page reads fully without this script (the charts are SVG); it only adds the interaction.
(function () {
  "use strict";

  function sortKey(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute("data-key") ? cell.getAttribute("data-key") : cell.textContent;
  }

  function makeSortable(table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(body.rows, function (row, i) { row.setAttribute("data-i", i); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var kind = th.getAttribute("data-sort");
      if (!kind) { return; }
      th.classList.add("sortable");
      th.tabIndex = 0;
      th.setAttribute("aria-sort", "none");
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a, column), y = sortKey(b, column), r;
          if (kind === "number") { r = parseFloat(x) - parseFloat(y); } else { r = x < y ? -1 : x > y ? 1 : 0; }
          if (!ascending) { r = -r; }
          return r || (+a.getAttribute("data-i")) - (+b.getAttribute("data-i"));  // stable: input order
        });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (row) { fragment.appendChild(row); });
        body.appendChild(fragment);
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) {
          if (other.hasAttribute("aria-sort")) { other.setAttribute("aria-sort", "none"); }
        });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
    });
    table.setAttribute("data-sortable", "1");
  }

  function setUpFilter() {
    var table = document.getElementById("findings-table");
    var severity = document.getElementById("sev-filter");
    var text = document.getElementById("text-filter");
    var shown = document.getElementById("shown-count");
    if (!table || !severity || !text) { return; }
    function apply() {
      var want = severity.value, needle = text.value.trim().toLowerCase(), n = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var ok = (!want || row.getAttribute("data-sev") === want) &&
                 (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
        row.hidden = !ok;
        if (ok) { n += 1; }
      });
      if (shown) { shown.textContent = n; }
    }
    severity.addEventListener("change", apply);
    text.addEventListener("input", apply);
    apply();
  }

  // A link to a cell inside a closed table opens the table first.
  function openTarget() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }  // a malformed link
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
    target.scrollIntoView({ block: "center" });
  }

  function ready() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable-table"), makeSortable);
    setUpFilter();
    window.addEventListener("hashchange", openTarget);
    window.addEventListener("beforeprint", function () {  // print every table, closed or not
      Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
    });
    openTarget();
    document.body.setAttribute("data-ready", "1");
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
