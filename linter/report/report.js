// indicator-lint report: draws the findings list and the tables from the page's JSON, lazily.
// The totals, the rule table and the charts are HTML and SVG and read without this script. The
// findings list is drawn a page of rows at a time, filtered (severity, rule, 主管部门, file, text) and
// sorted here; a file's tables are parsed and drawn only when the file is opened, a link leads
// into it, or the page is printed. Every text from the input is escaped (esc) before it is drawn.
(function () {
  "use strict";

  var PAGE = 200;  // findings rows drawn at a time
  var NO_DEPARTMENT = "\u2205";
  var meta, files, findings, words, severities, rank = {};
  // a finding: [file, table, cell, severity, code, location (":66:33", the file's path left out), table name,
  // indicator, value, message, 主管部门 (its index in meta.departments)]; the rule's slug is in meta.rules
  var F = { file: 0, table: 1, cell: 2, sev: 3, code: 4, loc: 5, tname: 6, ind: 7, value: 8, msg: 9, dept: 10 };
  // a file: [path, id, tables, indicators, first finding, end, errors, warnings, infos, departments, title]
  var columns = [
    function (g) { return rank[findings[g][F.sev]]; },
    function (g) { return findings[g][F.code]; },
    function (g) { return slug(g); },
    function (g) { return g; },  // the location: the findings come in file and position order
    function (g) { return department(g); },
    function (g) { return findings[g][F.tname]; },
    function (g) { return findings[g][F.ind]; },
    function (g) { return findings[g][F.value]; },
    function (g) { return findings[g][F.msg]; }
  ];
  var state = { sev: "", rule: "", dept: "", text: "", file: null, sort: -1, ascending: true, limit: PAGE };
  var haystacks = null;

  function slug(g) {
    var rule = meta.rules[findings[g][F.code]];
    return rule ? rule[0] : "";
  }

  function department(g) {
    return meta.departments[findings[g][F.dept]] || "";
  }

  function where(g) {  // the location as the command line prints it
    var f = findings[g], path = files[f[F.file]][0], loc = f[F.loc];
    return !loc ? path : loc.charAt(0) === ":" ? path + loc : loc;
  }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function json(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function badge(sev, text) {
    return '<span class="badge sev-' + esc(sev) + '">' + esc(text) + "</span>";
  }

  // ------------------------------------------------------------------ the findings list

  function anchorOf(g) {
    var f = findings[g], file = files[f[F.file]];
    return f[F.cell] ? file[1] + "-t" + f[F.table] + "-" + f[F.cell] : file[1] + "-n" + (g - file[4]);
  }

  function matches(g) {
    var f = findings[g];
    if (state.sev && f[F.sev] !== state.sev) { return false; }
    if (state.rule && f[F.code] !== state.rule) { return false; }
    if (state.dept && (state.dept === NO_DEPARTMENT ? department(g) : department(g) !== state.dept)) { return false; }
    if (state.file !== null && f[F.file] !== state.file) { return false; }
    if (state.text) {
      if (!haystacks) { haystacks = []; }
      if (haystacks[g] === undefined) {
        haystacks[g] = [words[f[F.sev]], f[F.code], slug(g), where(g), department(g), f[F.tname], f[F.ind],
                        f[F.value], f[F.msg]].join("\n").toLowerCase();
      }
      if (haystacks[g].indexOf(state.text) < 0) { return false; }
    }
    return true;
  }

  function rowHtml(g) {
    var f = findings[g], rule = meta.rules[f[F.code]];
    return '<tr data-sev="' + esc(f[F.sev]) + '"><td data-key="' + rank[f[F.sev]] + '">' +
      badge(f[F.sev], words[f[F.sev]] || f[F.sev]) + '</td><td><a href="#rule-' + esc(f[F.code]) + '" title="' +
      esc(rule ? rule[2] : "") + '">' + esc(f[F.code]) + "</a></td><td>" + esc(slug(g)) +
      '</td><td><a href="#' + esc(anchorOf(g)) + '">' + esc(where(g)) + "</a></td><td>" + esc(department(g)) +
      "</td><td>" + esc(f[F.tname]) + "</td><td>" + esc(f[F.ind]) + "</td><td>" + esc(f[F.value]) + "</td><td>" +
      esc(f[F.msg]) + "</td></tr>";
  }

  function drawList() {
    var table = document.getElementById("findings-table");
    if (!table) { return; }
    var shown = [], g;
    for (g = 0; g < findings.length; g += 1) { if (matches(g)) { shown.push(g); } }
    if (state.sort >= 0) {
      var key = columns[state.sort], sign = state.ascending ? 1 : -1;
      shown.sort(function (a, b) {
        var x = key(a), y = key(b);
        return (x < y ? -sign : x > y ? sign : 0) || a - b;  // stable: the findings' own order
      });
    }
    var html = [], n = Math.min(shown.length, state.limit);
    for (var i = 0; i < n; i += 1) { html.push(rowHtml(shown[i])); }
    table.tBodies[0].innerHTML = html.join("");
    document.getElementById("shown-count").textContent = shown.length;
    var more = document.getElementById("more-findings");
    if (more) { more.hidden = shown.length <= state.limit; }
  }

  function setUpList() {
    var table = document.getElementById("findings-table");
    if (!table) { return; }
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      th.classList.add("sortable");
      th.tabIndex = 0;
      th.setAttribute("aria-sort", "none");
      function sort() {
        state.ascending = !(state.sort === column && state.ascending);
        state.sort = column;
        Array.prototype.forEach.call(heads, function (other) { other.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", state.ascending ? "ascending" : "descending");
        drawList();
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sort(); } });
    });
    function control(id, field, transform) {
      var element = document.getElementById(id);
      if (!element) { return; }
      element.addEventListener(element.tagName === "INPUT" ? "input" : "change", function () {
        state[field] = transform ? transform(element.value) : element.value;
        state.limit = PAGE;
        drawList();
      });
    }
    control("sev-filter", "sev");
    control("rule-filter", "rule");
    control("dept-filter", "dept");
    control("text-filter", "text", function (v) { return v.trim().toLowerCase(); });
    var more = document.getElementById("more-findings");
    if (more) { more.addEventListener("click", function () { state.limit += PAGE * 5; drawList(); }); }
    table.setAttribute("data-sortable", "1");
    drawList();
  }

  function setFileFilter(k) {
    var chip = document.getElementById("file-filter");
    state.file = k;
    if (!chip) { return; }
    chip.hidden = k === null;
    chip.innerHTML = k === null ? "" : esc(words.file_filter) + ": " + esc(files[k][0]) +
      ' <button type="button" aria-label="' + esc(words.clear) + '">\u00d7</button>';
  }

  // A click on a chart's bar filters the list (rule:…, dept:…, file:…, sev:…).
  function pick(target) {
    var spec = target.getAttribute("data-filter"), at = spec.indexOf(":");
    var kind = spec.slice(0, at), value = spec.slice(at + 1);
    var select = { rule: "rule-filter", dept: "dept-filter", sev: "sev-filter" }[kind];
    if (select) {
      var element = document.getElementById(select);
      if (element) { element.value = value; }
      state[kind] = value;
    } else if (kind === "file") {
      for (var k = 0; k < files.length; k += 1) { if (files[k][0] === value) { setFileFilter(k); break; } }
    }
    state.limit = PAGE;
    drawList();
    var list = document.getElementById("findings");
    if (list && list.scrollIntoView) { list.scrollIntoView({ block: "start" }); }
  }

  // ------------------------------------------------------------------ a file's tables

  function note(g, id) {
    var f = findings[g];
    return '<div class="note sev-' + esc(f[F.sev]) + '"' + (id ? ' id="' + esc(id) + '"' : "") + ">" +
      '<a class="badge sev-' + esc(f[F.sev]) + '" href="#rule-' + esc(f[F.code]) + '">' + esc(f[F.code]) + "</a> " +
      esc(f[F.msg]) + "</div>";
  }

  function renderFile(k) {
    var details = document.getElementById(files[k][1]);
    if (!details || details.getAttribute("data-drawn")) { return details; }
    var data = json("d" + k) || { title: "", tables: [] };
    var file = files[k], fid = file[1], perTable = [], fileLevel = [], t, g;
    for (t = 0; t < data.tables.length; t += 1) { perTable.push({ cells: {}, unplaced: [], all: [] }); }
    for (g = file[4]; g < file[5]; g += 1) {
      var f = findings[g];
      if (f[F.table] < 0 || !perTable[f[F.table]]) { fileLevel.push(g); continue; }
      var tf = perTable[f[F.table]];
      tf.all.push(g);
      if (f[F.cell]) { (tf.cells[f[F.cell]] = tf.cells[f[F.cell]] || []).push(g); } else { tf.unplaced.push(g); }
    }
    var out = [];
    if (data.title) { out.push('<p class="doc-title">' + esc(data.title) + "</p>"); }
    if (fileLevel.length) {
      out.push('<div class="unplaced"><h4>' + esc(words.file_findings) + "</h4>");
      fileLevel.forEach(function (g) { out.push(note(g, fid + "-n" + (g - file[4]))); });
      out.push("</div>");
    }
    data.tables.forEach(function (table, ti) { out.push(tableHtml(table, perTable[ti], fid + "-t" + ti, fid, file[4])); });
    details.querySelector(".file-body").innerHTML = out.join("\n");
    details.setAttribute("data-drawn", "1");
    return details;
  }

  function worst(list) {
    var best = null;
    list.forEach(function (g) { var s = findings[g][F.sev]; if (best === null || rank[s] > rank[best]) { best = s; } });
    return best;
  }

  function cellAttrs(tf, id, key, css) {
    var found = tf.cells[key];
    if (found) { css = ((css || "") + " flag sev-" + worst(found)).trim(); }
    return ' id="' + esc(id + "-" + key) + '"' + (css ? ' class="' + esc(css) + '"' : "");
  }

  function notes(tf, keys) {
    var out = [];
    keys.forEach(function (key) { (tf.cells[key] || []).forEach(function (g) { out.push(note(g)); }); });
    return out.join("");
  }

  function severityBadges(list) {
    var counts = {};
    list.forEach(function (g) { var s = findings[g][F.sev]; counts[s] = (counts[s] || 0) + 1; });
    return severities.filter(function (s) { return counts[s]; }).map(function (s) {
      return " " + badge(s, counts[s] + " " + words[s]);
    }).join("");
  }

  function runs(labels) {
    var spans = labels.map(function () { return 0; }), start = 0;
    for (var i = 1; i <= labels.length; i += 1) {
      if (i === labels.length || labels[i] !== labels[start]) { spans[start] = i - start; start = i; }
    }
    return spans;
  }

  function tableHtml(table, tf, tid, fid, first) {
    var out = ['<details class="tbl" id="' + esc(tid) + '"' + (tf.all.length ? " open" : "") + ">",
      '<summary><span class="tname">' + esc(table.n) + '</span><span class="dept">' + esc(table.d) + "</span>" +
      severityBadges(tf.all) + "</summary>", '<table class="header-block">'];
    table.h.forEach(function (row) {
      var key = row[2];
      out.push('<tr><th scope="row">' + esc(row[0]) + "</th><td" + (key ? cellAttrs(tf, tid, key) : "") + ">" +
               esc(row[1]) + '</td><td class="notes">' + (key ? notes(tf, [key]) : "") + "</td></tr>");
    });
    out.push("</table>");
    if (table.k.length) {
      out.push('<table class="tasks"><caption>' + esc(words.tasks) + "</caption><thead><tr><th>名称</th>" +
               "<th>主要实施内容</th><th>拟投入的资金</th><th>期望达到的目标</th>" +
               '<th class="notes">' + esc(words.notes) + "</th></tr></thead><tbody>");
      table.k.forEach(function (task, n) {
        var key = "k" + n;
        out.push("<tr><td" + cellAttrs(tf, tid, key) + ">" + esc(task[0]) + "</td><td>" + esc(task[1]) +
                 '</td><td class="num">' + esc(task[2]) + "</td><td>" + esc(task[3]) + '</td><td class="notes">' +
                 notes(tf, [key]) + "</td></tr>");
      });
      out.push("</tbody></table>");
    }
    var inds = table.i;
    var withPeriod = inds.some(function (i) { return i[4]; }), withRemarks = inds.some(function (i) { return i[5]; });
    var head = ["一级指标", "二级指标", "三级指标"].concat(withPeriod ? ["实施期指标值", "年度指标值"] : ["指标值"]);
    if (withRemarks) { head.push("备注"); }
    out.push('<table class="indicators"><caption>' + esc(words.indicator_tree) + "</caption><thead><tr>" +
             head.map(function (h) { return "<th>" + esc(h) + "</th>"; }).join("") +
             '<th class="notes">' + esc(words.notes) + "</th></tr></thead><tbody>");
    var above = ["", ""];
    inds.forEach(function (i) {  // 一级/二级 left out (0) where the row above has them
      if (i[0] === 0) { i[0] = above[0]; if (i[1] === 0) { i[1] = above[1]; } }
      above = i;
    });
    var level1 = inds.map(function (i) { return i[0]; });
    var level2 = inds.map(function (i) { return i[0] + "\u0000" + i[1]; });
    var span1 = runs(level1), span2 = runs(level2);
    inds.forEach(function (ind, n) {
      var nameKey = "i" + n + "n", valueKey = "i" + n + "v", cells = [];
      if (span1[n]) { cells.push('<td class="l1" rowspan="' + span1[n] + '">' + esc(ind[0]) + "</td>"); }
      if (span2[n]) { cells.push('<td class="l2" rowspan="' + span2[n] + '">' + esc(ind[1]) + "</td>"); }
      cells.push("<td" + cellAttrs(tf, tid, nameKey) + ">" + esc(ind[2]) + "</td>");
      if (withPeriod) { cells.push("<td>" + esc(ind[4]) + "</td>"); }
      cells.push("<td" + cellAttrs(tf, tid, valueKey, "val") + ">" + esc(ind[3]) + "</td>");
      if (withRemarks) { cells.push("<td>" + esc(ind[5]) + "</td>"); }
      cells.push('<td class="notes">' + notes(tf, [nameKey, valueKey]) + "</td>");
      out.push("<tr>" + cells.join("") + "</tr>");
    });
    if (!inds.length) { out.push('<tr><td colspan="' + (head.length + 1) + '">' + esc(words.none) + "</td></tr>"); }
    out.push("</tbody></table>");
    if (tf.unplaced.length) {
      out.push('<div class="unplaced"><h4>' + esc(words.not_placed) + "</h4>");
      tf.unplaced.forEach(function (g) { out.push(note(g, fid + "-n" + (g - first))); });
      out.push("</div>");
    }
    out.push("</details>");
    return out.join("\n");
  }

  function renderAll() {
    for (var k = 0; k < files.length; k += 1) { renderFile(k).open = true; }
  }

  // ------------------------------------------------------------------ the sortable rule table

  function makeSortable(table) {
    var body = table.tBodies[0];
    Array.prototype.forEach.call(body.rows, function (row, i) { row.setAttribute("data-i", i); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var kind = th.getAttribute("data-sort");
      if (!kind) { return; }
      th.classList.add("sortable");
      th.tabIndex = 0;
      th.setAttribute("aria-sort", "none");
      function key(row) {
        var cell = row.cells[column];
        return cell.hasAttribute("data-key") ? cell.getAttribute("data-key") : cell.textContent;
      }
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b), r;
          if (kind === "number") { r = parseFloat(x) - parseFloat(y); } else { r = x < y ? -1 : x > y ? 1 : 0; }
          if (!ascending) { r = -r; }
          return r || (+a.getAttribute("data-i")) - (+b.getAttribute("data-i"));
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

  // ------------------------------------------------------------------ links, printing, start

  // A link into a file draws it and opens what holds the target first.
  function openTarget() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }  // a malformed link
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target || target.closest("details.file")) {
      var fileId = /^f[0-9a-f]{10}/.exec(id);
      var holder = fileId && document.getElementById(fileId[0]);
      if (holder && holder.hasAttribute("data-k")) {
        renderFile(+holder.getAttribute("data-k"));
        target = document.getElementById(id);
      }
    }
    if (!target) { return; }
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
    if (target.tagName === "DETAILS") { target.open = true; }
    target.scrollIntoView({ block: "center" });
  }

  function ready() {
    meta = json("report-meta") || { words: {}, severities: [], rules: {} };
    files = json("report-files") || [];
    findings = json("report-findings") || [];
    words = meta.words;
    severities = meta.severities;
    severities.forEach(function (s, i) { rank[s] = severities.length - 1 - i; });
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable-table:not(#findings-table)"), makeSortable);
    setUpList();
    document.addEventListener("toggle", function (event) {
      var d = event.target;
      if (d.classList && d.classList.contains("file") && d.open) { renderFile(+d.getAttribute("data-k")); }
    }, true);
    document.addEventListener("click", function (event) {
      var bar = event.target.closest && event.target.closest("g.pick");
      if (bar) { pick(bar); return; }
      if (event.target.closest && event.target.closest("#file-filter button")) { setFileFilter(null); drawList(); }
    });
    document.addEventListener("keydown", function (event) {
      var bar = event.key === "Enter" && event.target.closest && event.target.closest("g.pick");
      if (bar) { pick(bar); }
    });
    window.addEventListener("hashchange", openTarget);
    window.addEventListener("beforeprint", function () {  // print every table and every finding
      renderAll();
      Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
      state.limit = findings.length;
      drawList();
    });
    window.indicatorLintReport = { renderAll: renderAll, renderFile: renderFile, drawList: drawList };
    openTarget();
    document.body.setAttribute("data-ready", "1");
    if (window.performance && performance.now) {
      document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();
