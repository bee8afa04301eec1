// datatables.js: make every `div.datatable > table` of the HTML report sortable and filterable.
//
// Loaded at the end of the body (include-after-body) by report/_quarto.yml, in a file that
// analysis/html_tables.py writes: it sets DT_SOURCE_B64 to DataTables as bundled by the
// pinned `itables` package (its offline bundle), so the report works with no network. The
// tables themselves stay the static, escaped HTML that pandoc or Quarto wrote; this only adds
// header sorting, a filter box and a row count. Without JavaScript they read as before.

(async () => {
  const tables = Array.from(document.querySelectorAll("div.datatable table"));
  if (!tables.length) return;

  // The bundle is an ES module: import it from a blob (works offline and from file://).
  const bytes = Uint8Array.from(atob(DT_SOURCE_B64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: "text/javascript" }));
  let DataTable;
  try {
    DataTable = (await import(url)).default;
  } finally {
    URL.revokeObjectURL(url);
  }

  // Figures as the report writes them ("$14.3 bn", "€180 m", "49%", "9,000 cities (at least)")
  // sort by unit, then by value, instead of as text. A dash means "none" and sorts first.
  const SCALE = { tn: 1e12, bn: 1e9, m: 1e6, k: 1e3 };
  const FIGURE = /^(?:([A-Z]{0,3}[$€£])\s*)?(-?[\d,]*\.?\d+)\s*(tn|bn|m|k|%)?(?:\s|$|\()/;
  const text = (d) => String(d ?? "").replace(/<[^>]*>/g, "").replace(/&nbsp;|\s+/g, " ").trim();
  const isNone = (t) => t === "" || t === "—" || t === "open";
  const figureKey = (d) => {
    const t = text(d);
    if (isNone(t)) return -Infinity;
    const m = FIGURE.exec(t);
    if (!m) return NaN;
    const unit = m[1] ? 1 : m[3] === "%" ? 2 : 3; // money, percent, counts
    const value = parseFloat(m[2].replace(/,/g, "")) * (SCALE[m[3]] || 1);
    return unit * 1e16 + value;
  };
  DataTable.type("report-figure", {
    detect: (d) => {
      const t = text(d);
      return isNone(t) || (!/^\d{4}-\d{2}-\d{2}/.test(t) && !Number.isNaN(figureKey(d)));
    },
    order: { pre: figureKey },
  });

  for (const table of tables) {
    new DataTable(table, {
      paging: false,
      order: [], // keep the report's own order (timeline order) until a header is clicked
      autoWidth: false,
      layout: { topStart: "search", topEnd: "info", bottomStart: null, bottomEnd: null },
      language: {
        search: "Filter rows:",
        info: "_TOTAL_ rows",
        infoFiltered: "(of _MAX_)",
        infoEmpty: "no rows",
        zeroRecords: "No row matches the filter",
      },
    });
  }
})();
