"use strict";
// Sorting and filtering of the report tables: no library, nothing fetched. Written for the
// auditor's own pages; the article text in them is escaped by the templates.
(function () {
  function cellValue(row, column, numeric) {
    const cell = row.cells[column];
    const raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
    if (!numeric) return raw.toLocaleLowerCase();
    const number = parseFloat(raw);
    return isNaN(number) ? null : number;
  }

  function sortBy(table, header) {
    const column = header.cellIndex;
    const numeric = header.dataset.type === "number";
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const body = table.tBodies[0];
    const rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      const x = cellValue(a, column, numeric), y = cellValue(b, column, numeric);
      if (x === y) return 0;
      if (x === null) return 1;  // empty cells last, whatever the direction
      if (y === null) return -1;
      const order = numeric ? x - y : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (header) {
      header.addEventListener("click", function () { sortBy(table, header); });
      header.title = "sort by this column (click again to reverse)";
    });
  });

  const table = document.getElementById("articles");
  if (table) {
    const text = document.getElementById("filter-text");
    const status = document.getElementById("filter-status");
    const findings = document.getElementById("filter-findings");
    const shown = document.getElementById("shown");
    const apply = function () {
      const words = text.value.trim().toLocaleLowerCase();
      let count = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        const visible = (!words || row.textContent.toLocaleLowerCase().indexOf(words) >= 0)
          && (!status.value || row.dataset.status === status.value)
          && (!findings.checked || row.dataset.findings === "1");
        row.hidden = !visible;
        if (visible) count += 1;
      });
      shown.textContent = String(count);
    };
    [text, status, findings].forEach(function (control) {
      control.addEventListener("input", apply);
      control.addEventListener("change", apply);
    });
    apply();
  }

  const proof = document.getElementById("proof");
  if (proof) {
    const only = document.getElementById("only-findings");
    const furniture = document.getElementById("hide-furniture");
    const apply = function () {
      Array.prototype.forEach.call(proof.tBodies[0].rows, function (row) {
        const hide = (only.checked && row.dataset.findings !== "1")
          || (furniture.checked && row.classList.contains("furniture"));
        row.classList.toggle("hidden", hide);
      });
    };
    [only, furniture].forEach(function (control) {
      control.addEventListener("change", apply);
    });
    apply();
  }
  document.documentElement.dataset.ready = "1";
})();
