--[[
quarto_subset.lua: the few Quarto features the report uses, for the pandoc + typst fallback.

Why: users with the Quarto CLI get Quarto's own cross-references and callouts; this filter makes
the fallback output match them closely enough that the report reads the same either way.

  * Figures with an id `fig-*` are numbered in document order. HTML: the caption becomes
    "Figure N: caption" and the image alt text comes from the `fig-alt` attribute. Typst: the
    figure keeps its label and typst numbers it natively. Figures without a `fig-*` id stay
    unnumbered in both formats, as in Quarto.
  * `@fig-x` (Cite) becomes a "Figure N" link in HTML and a typst `#ref(<fig-x>)` (pandoc's
    typst writer would emit `#cite`, which typst rejects without a bibliography). `[-@fig-x]`
    gives the bare number. A reference to a figure that does not exist, or any other citation,
    is an error: never a silent "??".
  * `::: {.callout-note|important|warning|tip title="..."}` becomes a styled box (HTML: div with
    classes `callout callout-KIND`, styled by report.css; typst: `#block(fill:, inset:, radius:)`,
    never split across pages). Without a title attribute a leading heading becomes the title,
    else the kind's name.
  * `::: {.datatable}` around one table: HTML keeps the div (report/_datatables.html makes the
    table sortable and filterable in the browser); typst drops the div and keeps the static table.
  * `::: {.content-visible when-format="html"}` (and `.content-hidden`): the content only in
    the HTML (or only in the PDF), as Quarto does; used for the full per-source tables that the
    report summarises in print when a corpus has many sources.
  * typst: a paragraph that leads into a table or figure (it ends with a colon, or it opens a
    section, and the table or figure follows) is kept on the page where that block starts, so
    neither "Software:" nor a heading with its one-line introduction is left alone at the
    bottom of a page (headings already stick to the block after them).
  * Tables get content-sized columns (typst: computed widths once a table is too wide).
    HTML tables are wrapped in `div.table-wrap` so wide tables scroll instead of overflowing;
    body cells get class `nowrap` (one short token) or `prose` (long text) so report.css can
    keep dates whole and notes readable.

Errors are raised with error(msg, 0) and start with "quarto_subset:" so the caller can show them.
]]

local is_html = FORMAT:match("html") ~= nil
local is_typst = FORMAT == "typst"

local CALLOUTS = {
  note = { title = "Note", accent = "#2563a8", fill = "#eef4fb" },
  tip = { title = "Tip", accent = "#2e7d32", fill = "#eef7ef" },
  important = { title = "Important", accent = "#b3261e", fill = "#fbeeee" },
  warning = { title = "Warning", accent = "#a85d00", fill = "#fdf4e7" },
}

local fig_numbers = {}

local function fail(msg)
  error("quarto_subset: " .. msg, 0)
end

-- `@Fig-x` is Quarto's capitalised form of `@fig-x`; both point at #fig-x.
local function fig_key(id)
  local key = id:gsub("^Fig%-", "fig-")
  return key
end

local function to_typst(blocks)
  local out = pandoc.write(pandoc.Pandoc(blocks), "typst")
  return (out:gsub("^%s+", ""):gsub("%s+$", ""))
end

-- Pass 1: number `fig-*` figures in document order, so references can point forwards.
local function number_figures(doc)
  local n = 0
  doc:walk({
    traverse = "topdown",
    Figure = function(fig)
      local id = fig.identifier
      if id:match("^fig%-") then
        if fig_numbers[id] then
          fail("duplicate figure id #" .. id)
        end
        n = n + 1
        fig_numbers[id] = n
      end
    end,
  })
  return nil
end

-- The image alt text comes from fig-alt (Quarto's attribute), which is then dropped.
local function apply_fig_alt(blocks)
  return blocks:walk({
    Image = function(img)
      local alt = img.attributes["fig-alt"]
      if alt then
        img.caption = pandoc.Inlines({ pandoc.Str(alt) })
        img.attributes["fig-alt"] = nil
      end
      return img
    end,
  })
end

-- typst: pandoc's writer drops the alt text, so add it to the image() call it writes.
local function typst_with_alt(code, alt)
  if not alt then
    return code
  end
  local escaped = alt:gsub("\\", "\\\\"):gsub('"', '\\"')
  local patched = code:gsub('image%((%b"")', function(path)
    return "image(" .. path .. ', alt: "' .. escaped .. '"'
  end, 1)
  return patched
end

local function figure_alt(fig)
  local alt
  fig.content:walk({
    Image = function(img)
      alt = alt or img.attributes["fig-alt"]
    end,
  })
  return alt
end

local function Figure(fig)
  local n = fig_numbers[fig.identifier]
  if is_typst then
    local alt = figure_alt(fig)
    local code
    if n then
      -- Numbered and labelled natively by typst; @fig-x becomes #ref(<fig-x>).
      code = to_typst({ fig })
    else
      -- Unnumbered like Quarto: typst only steps the figure counter when numbering is set.
      local caption = to_typst(fig.caption.long)
      local caption_arg = caption ~= "" and (", caption: [" .. caption .. "]") or ""
      code = "#figure(numbering: none" .. caption_arg .. ")[\n" .. to_typst(fig.content) .. "\n]"
    end
    return pandoc.RawBlock("typst", typst_with_alt(code, alt))
  end
  fig.content = apply_fig_alt(fig.content)
  if is_html and n then
    local prefix = pandoc.Inlines({ pandoc.Str("Figure"), pandoc.Space(), pandoc.Str(n .. ":") })
    local cap = fig.caption
    local long = cap.long
    if #long == 0 then
      long = pandoc.Blocks({ pandoc.Plain(prefix) })
    else
      local first = long[1]
      if first.content then
        local inlines = pandoc.Inlines(prefix)
        inlines:insert(pandoc.Space())
        inlines:extend(first.content)
        first.content = inlines
        long[1] = first
      end
    end
    cap.long = long
    fig.caption = cap
  end
  return fig
end

local function callout_kind(div)
  for _, class in ipairs(div.classes) do
    local kind = class:match("^callout%-(%a+)$")
    if kind and CALLOUTS[kind] then
      return kind
    end
  end
  return nil
end

local function Div(div)
  -- Quarto's conditional content, for the one condition the report uses: HTML only (or not).
  local when = div.attributes["when-format"]
  if when == "html" and (div.classes:includes("content-visible") or div.classes:includes("content-hidden")) then
    local shown = div.classes:includes("content-visible") == is_html
    return shown and div.content or pandoc.Blocks({})
  end
  if div.classes:includes("datatable") then
    if is_typst then
      return div.content -- the PDF keeps the static table
    end
    return nil
  end
  local kind = callout_kind(div)
  if not kind then
    return nil
  end
  local style = CALLOUTS[kind]
  local content = div.content
  local title
  local title_attr = div.attributes["title"]
  if title_attr and title_attr ~= "" then
    local parsed = pandoc.read(title_attr, "markdown").blocks
    title = parsed[1] and parsed[1].content or pandoc.Inlines({ pandoc.Str(title_attr) })
  elseif content[1] and content[1].t == "Header" then
    title = content[1].content
    local rest = pandoc.Blocks({})
    for i = 2, #content do
      rest:insert(content[i])
    end
    content = rest
  else
    title = pandoc.Inlines({ pandoc.Str(style.title) })
  end

  if is_typst then
    local open = string.format(
      '#block(width: 100%%, fill: rgb("%s"), stroke: (left: 2.5pt + rgb("%s")), '
        .. "inset: (x: 10pt, y: 8pt), radius: 3pt, breakable: false)[\n"
        .. '#block(below: 0.6em)[#text(weight: "bold", fill: rgb("%s"))[%s]]',
      style.fill,
      style.accent,
      style.accent,
      to_typst({ pandoc.Plain(title) })
    )
    local blocks = pandoc.Blocks({ pandoc.RawBlock("typst", open) })
    blocks:extend(content)
    blocks:insert(pandoc.RawBlock("typst", "]"))
    return blocks
  end

  return pandoc.Div({
    pandoc.Div({ pandoc.Plain(title) }, pandoc.Attr("", { "callout-title" })),
    pandoc.Div(content, pandoc.Attr("", { "callout-body" })),
  }, pandoc.Attr(div.identifier, { "callout", "callout-" .. kind }, { role = "note" }))
end

-- HTML: browsers squeeze auto-sized columns down to single words, so mark cells that should
-- not wrap (one short token: a date, number, ticker) or should stay readable (long prose).
local function mark_cells(rows)
  for _, row in ipairs(rows) do
    for _, cell in ipairs(row.cells) do
      local text = pandoc.utils.stringify(cell.contents)
      if #text <= 20 and not text:find("%s") then
        cell.attr.classes:insert("nowrap")
      elseif #text > 30 then
        cell.attr.classes:insert("prose")
      end
    end
  end
end

-- typst squeezes long-text columns to a word per line when a table is too wide, so size
-- columns like a browser does: each gets at least its longest word, and the remaining width is
-- shared in proportion to how much more its longest cell wants. Lengths are in characters.
local TYPST_TABLE_CHARS = 100 -- about what fits across an A4 text block at the table font size

local function column_lengths(tbl)
  local ncol = #tbl.colspecs
  local min_len, max_len = {}, {}
  for i = 1, ncol do
    min_len[i], max_len[i] = 2, 2
  end
  local function scan(rows)
    for _, row in ipairs(rows) do
      local col = 1
      for _, cell in ipairs(row.cells) do
        if col <= ncol and cell.col_span == 1 then
          local text = pandoc.utils.stringify(cell.contents)
          local longest_word = 0
          for word in text:gmatch("%S+") do
            longest_word = math.max(longest_word, utf8.len(word) or #word)
          end
          min_len[col] = math.max(min_len[col], math.min(longest_word, 20) + 2) -- + cell inset
          max_len[col] = math.max(max_len[col], math.min(utf8.len(text) or #text, 60))
        end
        col = col + cell.col_span
      end
    end
  end
  scan(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do
    scan(body.body)
  end
  return min_len, max_len
end

local function typst_widths(tbl)
  local min_len, max_len = column_lengths(tbl)
  local sum_min, sum_max = 0, 0
  for i = 1, #min_len do
    sum_min, sum_max = sum_min + min_len[i], sum_max + max_len[i]
  end
  if sum_max <= TYPST_TABLE_CHARS then
    return nil -- fits as it is: let typst size the columns to their content
  end
  local widths = {}
  local spare = math.max(TYPST_TABLE_CHARS - sum_min, 0)
  local total = 0
  for i = 1, #min_len do
    local extra = sum_max > sum_min and spare * (max_len[i] - min_len[i]) / (sum_max - sum_min) or 0
    widths[i] = min_len[i] + extra
    total = total + widths[i]
  end
  for i = 1, #widths do
    widths[i] = widths[i] / total
  end
  return widths
end

-- typst: pandoc escapes list and heading markers ("- ", "+ ", "= ", "/ ", "1. ") at the start
-- of a paragraph but not at the start of a table cell, where typst then reads "- Some of the
-- shares" as a bullet list. Escape the cell's first character the same way.
local function escape_cell_start(cell)
  local first = cell.contents[1]
  if not first or (first.t ~= "Plain" and first.t ~= "Para") then
    return
  end
  local str = first.content[1]
  if not str or str.t ~= "Str" then
    return
  end
  local marker = str.text:match("^[-+=/]") and str.text:sub(1, 1)
  if marker and (str.text == marker or str.text:match("^[-+=/][^%w]") or #str.text == 1) then
    first.content[1] = pandoc.Str(str.text:sub(2))
    first.content:insert(1, pandoc.RawInline("typst", "\\" .. marker))
  elseif str.text:match("^%d+%.$") then
    first.content[1] = pandoc.Str(str.text:sub(1, -2))
    first.content:insert(2, pandoc.RawInline("typst", "\\."))
  end
end

local function escape_cells(tbl)
  local function rows(list)
    for _, row in ipairs(list) do
      for _, cell in ipairs(row.cells) do
        escape_cell_start(cell)
      end
    end
  end
  rows(tbl.head.rows)
  for _, body in ipairs(tbl.bodies) do
    rows(body.head)
    rows(body.body)
  end
  rows(tbl.foot.rows)
end

-- Pipe-table column widths only reflect how many dashes the separator line had (tabulate
-- pads them to the content), so replace them: content-sized columns for the browser, the
-- widths above for typst.
local function Table(tbl)
  local widths = is_typst and typst_widths(tbl) or {}
  local specs = pandoc.List({})
  for i, spec in ipairs(tbl.colspecs) do
    specs:insert({ spec[1], widths and widths[i] or nil })
  end
  tbl.colspecs = specs
  if is_typst then
    escape_cells(tbl)
  end
  if is_html then
    for _, body in ipairs(tbl.bodies) do
      mark_cells(body.body)
    end
    return pandoc.Div({ tbl }, pandoc.Attr("", { "table-wrap" }))
  end
  return tbl
end

-- typst: keep a lead-in paragraph with the table or figure that follows it. `sticky` makes the
-- block stay on the page where the next block starts (typst >= 0.12).
local function is_float(block)
  if block.t == "Table" or block.t == "Figure" then
    return true
  end
  if block.t == "Div" and block.content[1] then
    return is_float(block.content[1])
  end
  return block.t == "RawBlock" and block.format == "typst" and block.text:match("^#figure") ~= nil
end

local function keep_with_next(blocks)
  if not is_typst then
    return nil
  end
  local out = pandoc.Blocks({})
  for i, block in ipairs(blocks) do
    local nxt = blocks[i + 1]
    local prev = blocks[i - 1]
    local leads_in = pandoc.utils.stringify(block):match(":%s*$") or (prev and prev.t == "Header")
    if block.t == "Para" and nxt and is_float(nxt) and leads_in then
      out:insert(pandoc.RawBlock("typst", "#block(sticky: true)["))
      out:insert(block)
      out:insert(pandoc.RawBlock("typst", "]"))
    else
      out:insert(block)
    end
  end
  return out
end

local function Cite(cite)
  local out = pandoc.Inlines({})
  for i, c in ipairs(cite.citations) do
    local id = c.id
    local key = fig_key(id)
    if not key:match("^fig%-") then
      fail(
        "unsupported reference @" .. id
          .. " (only @fig- cross-references are supported; write \\@ for a literal @)"
      )
    end
    local n = fig_numbers[key]
    if not n then
      fail("unresolved cross-reference @" .. id .. ": no figure has the id #" .. key)
    end
    if i > 1 then
      out:insert(pandoc.Str(","))
      out:insert(pandoc.Space())
    end
    if #c.prefix > 0 then
      out:extend(c.prefix)
      out:insert(pandoc.Space())
    end
    local bare = c.mode == "SuppressAuthor"
    if is_typst then
      local supplement = bare and ", supplement: none" or ""
      -- The trailing ";" ends the typst expression, so a following "[" or "(" stays text.
      out:insert(pandoc.RawInline("typst", "#ref(<" .. key .. ">" .. supplement .. ");"))
    else
      local label = bare and tostring(n) or ("Figure\u{a0}" .. n)
      local attr = pandoc.Attr("", { "quarto-xref" })
      out:insert(pandoc.Link({ pandoc.Str(label) }, "#" .. key, "", attr))
    end
    out:extend(c.suffix)
  end
  return out
end

return {
  { Pandoc = number_figures },
  { Blocks = keep_with_next },
  { Figure = Figure, Div = Div, Table = Table, Cite = Cite },
}
