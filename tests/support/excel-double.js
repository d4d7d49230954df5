// An in-memory stand-in for the Excel JavaScript API (Excel.run, RequestContext, proxies, load/sync), for the
// writer's jest tests and the browser tests alike: plain JavaScript, loaded with require() under jest and as an
// init script in Chromium (where it defines window.Excel before office.js and the add-in run).
//
// It keeps the rules of the real object model that the add-in depends on, and records everything it is sent:
// - proxies: nothing happens until context.sync(); queued actions then run in order; a property read before it was
//   loaded and synced throws (PropertyNotLoaded); *OrNullObject methods give objects whose isNullObject is known
//   after the sync;
// - requests: every sync's payload is measured as JSON (the values, formulas and formats it carries); one over
//   Excel on the web's 5 MB limit is refused whole (RequestPayloadSizeLimitExceeded), like the real service;
// - cells: a string written to a cell that is not formatted as Text ("@") is read the way Excel reads typing:
//   "=…" becomes a formula, "+…", "-…", "@…" a formula or a number, "'…" text with the apostrophe prefix, and
//   number-like text a number. Such a text-as-formula write is also listed in `violations`, so a test can assert
//   that no text was ever turned into a formula. A formula written to a Text cell stays text, as in Excel;
// - tables: unique names, no overlaps, header names from the header cells, rows.add (null values leave a cell to
//   the table: a calculated column fills it) and row deletion shift only the cells under the table's columns;
//   table ids survive renames; defined names follow the rows they cover;
// - settings: JSON values, per workbook;
// - calculation: application.suspendApiCalculationUntilNextSync() is noted on the sync that carries it.
// - formats, charts, page layout: cell formats (fill, font, alignment, column widths), conditional formats,
//   worksheet.charts.add (type, source range, series by columns or rows; title, axes, legend, position) and
//   worksheet.pageLayout are recorded as sent, checked where Excel would refuse them (an unknown chart type, a zoom
//   that is neither a scale nor a fit), and shown by the inspector. Nothing is drawn: a test reads the record.
// `calculate()` evaluates =QUALIS.* formulas through the functions registered with CustomFunctions.associate.
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ExcelDouble = api;
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
  "use strict";

  const REQUEST_LIMIT = 5 * 1024 * 1024;
  const ACTION_BYTES = 64; // a queued action's own framing in the request JSON
  const MAX_ROWS = 1048576;
  const MAX_COLS = 16384;

  // ----- errors -------------------------------------------------------------------------------------------------

  class RichApiError extends Error {
    constructor(code, message) {
      super(message);
      this.name = "RichApi.Error";
      this.code = code;
      this.debugInfo = { code, message };
    }
  }
  const fail = (code, message) => {
    throw new RichApiError(code, message);
  };

  // ----- addresses ----
  // (Address helpers are written again here rather than imported from src/: this file runs as a plain browser
  // script, and a test double that measures the writer should not share the writer's arithmetic.)------------------------------------------------------------------------------------------

  function colLetters(index) {
    let n = index + 1;
    let s = "";
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  }
  function colIndex(letters) {
    let n = 0;
    for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }
  function a1(b) {
    const tl = `${colLetters(b.c0)}${b.r0 + 1}`;
    return b.r0 === b.r1 && b.c0 === b.c1 ? tl : `${tl}:${colLetters(b.c1)}${b.r1 + 1}`;
  }
  /** "A1", "A1:B2", "Sheet1!A1:B2", "'My sheet'!A1" → { sheet?, r0, c0, r1, c1 }. */
  function parseAddress(text) {
    let sheet = null;
    let rest = String(text).trim();
    const bang = rest.lastIndexOf("!");
    if (bang >= 0) {
      sheet = rest.slice(0, bang);
      if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
      rest = rest.slice(bang + 1);
    }
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(rest);
    if (!m) fail("InvalidArgument", `Not an address this double understands: ${text}`);
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    return { sheet, r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
  }
  const inBounds = (b) => b.r0 >= 0 && b.c0 >= 0 && b.r1 < MAX_ROWS && b.c1 < MAX_COLS && b.r0 <= b.r1 && b.c0 <= b.c1;
  const overlaps = (a, b) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

  // The platform's own encoder: the double measures the writer's payloads without the writer's arithmetic.
  const encoder = new TextEncoder();
  const utf8Length = (s) => encoder.encode(s).length;
  const jsonBytes = (v) => utf8Length(JSON.stringify(v === undefined ? null : v));
  const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  /** Colours as Excel takes them: #RRGGBB (or a named colour, which the double keeps as given). */
  function checkColor(v) {
    if (typeof v !== "string" || !(/^#[0-9A-Fa-f]{6}$/.test(v) || /^[A-Za-z]+$/.test(v)))
      fail("InvalidArgument", `'${v}' is not a colour.`);
    return v.toUpperCase();
  }

  // ----- the workbook model ---------------------------------------------------------------------------------------

  function emptyCell() {
    return { value: "", formula: null, numberFormat: "General", quotePrefix: false, bold: false };
  }

  class Sheet {
    constructor(wb, id, name) {
      this.wb = wb;
      this.id = id;
      this.name = name;
      this.cells = new Map();
      this.frozenRows = 0;
      this.autofitted = [];
      this.columnWidths = new Map(); // column index → points
      this.charts = [];
      this.conditionalFormats = [];
      this.pageLayout = {};
      this.showGridlines = true;
    }
    key(r, c) {
      return `${r},${c}`;
    }
    peek(r, c) {
      return this.cells.get(this.key(r, c)) || null;
    }
    cell(r, c) {
      const k = this.key(r, c);
      let cell = this.cells.get(k);
      if (!cell) {
        cell = emptyCell();
        this.cells.set(k, cell);
      }
      return cell;
    }
    isEmpty(r, c) {
      const cell = this.peek(r, c);
      return !cell || (cell.formula === null && cell.value === "");
    }
    /**
     * Under columns c0..c1: delta > 0 moves the rows at or below `from` down by delta; delta < 0 removes the rows
     * from + delta … from - 1 and moves the rows at or below `from` up into their place.
     */
    shiftRows(from, delta, c0, c1) {
      const moved = [];
      for (const [k, cell] of this.cells) {
        const [r, c] = k.split(",").map(Number);
        if (c < c0 || c > c1) continue;
        if (delta < 0 && r >= from + delta && r < from) {
          this.cells.delete(k);
          continue;
        }
        if (r < from) continue;
        this.cells.delete(k);
        moved.push([r + delta, c, cell]);
      }
      for (const [r, c, cell] of moved) this.cells.set(this.key(r, c), cell);
    }
  }

  class Table {
    constructor(id, name, sheet, box) {
      this.id = id;
      this.name = name;
      this.sheet = sheet;
      this.r0 = box.r0; // header row
      this.c0 = box.c0;
      this.r1 = box.r1; // last body row
      this.c1 = box.c1;
      this.style = "TableStyleMedium2";
    }
    get box() {
      return { r0: this.r0, c0: this.c0, r1: this.r1, c1: this.c1 };
    }
    get bodyRows() {
      return this.r1 - this.r0;
    }
    headers() {
      const out = [];
      for (let c = this.c0; c <= this.c1; c++) out.push(String(this.sheet.cell(this.r0, c).value));
      return out;
    }
  }

  class Workbook {
    constructor(options) {
      this.options = Object.assign({ requestLimit: REQUEST_LIMIT }, options || {});
      this.sheets = [];
      this.tables = [];
      this.names = new Map(); // lower-case name → { name, sheet, box, comment }
      this.settings = new Map();
      this.nextSheetId = 1;
      this.nextTableId = 1;
      this.syncs = [];
      this.violations = [];
      this.writes = [];
      const first = this.addSheet("Sheet1");
      this.active = { sheet: first, row: 0, col: 0 };
    }
    sheetByName(name) {
      const lower = String(name).toLowerCase();
      return this.sheets.find((s) => s.name.toLowerCase() === lower) || null;
    }
    addSheet(name) {
      if (name === undefined || name === null || name === "") {
        let i = this.sheets.length + 1;
        while (this.sheetByName(`Sheet${i}`)) i++;
        name = `Sheet${i}`;
      }
      name = String(name);
      if (name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || name.trim() === "") {
        fail("InvalidArgument", `The sheet name '${name}' is not allowed.`);
      }
      if (this.sheetByName(name)) fail("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
      const sheet = new Sheet(this, `{sheet-${this.nextSheetId++}}`, name);
      this.sheets.push(sheet);
      return sheet;
    }
    tableByKey(key) {
      const lower = String(key).toLowerCase();
      return this.tables.find((t) => t.id === String(key) || t.name.toLowerCase() === lower) || null;
    }
    nameTaken(name) {
      const lower = name.toLowerCase();
      return this.names.has(lower) || this.tables.some((t) => t.name.toLowerCase() === lower);
    }
    checkNewName(name, what) {
      if (typeof name !== "string" || !/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || name.length > 255) {
        fail("InvalidArgument", `'${name}' is not a valid ${what} name.`);
      }
      if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name))
        fail("InvalidArgument", `'${name}' looks like a cell reference.`);
      if (this.nameTaken(name)) fail("ItemAlreadyExists", `The name '${name}' is already used in this workbook.`);
    }
    addTable(sheet, box) {
      if (box.r1 <= box.r0) fail("InvalidArgument", "A table needs a header row and at least one row of data.");
      for (const t of this.tables) {
        if (t.sheet === sheet && overlaps(t.box, box))
          fail("InvalidOperation", `A table can't overlap another table (${t.name}).`);
      }
      const seen = new Set();
      for (let c = box.c0; c <= box.c1; c++) {
        const cell = sheet.cell(box.r0, c);
        let base = String(cell.value === "" || cell.value === null ? `Column${c - box.c0 + 1}` : cell.value);
        let header = base;
        for (let i = 2; seen.has(header.toLowerCase()); i++) header = `${base}${i}`;
        seen.add(header.toLowerCase());
        cell.value = header;
        cell.formula = null;
      }
      let n = this.tables.length + 1;
      while (this.nameTaken(`Table${n}`)) n++;
      const table = new Table(String(this.nextTableId++), `Table${n}`, sheet, box);
      this.tables.push(table);
      return table;
    }
    /** Shifts defined names and other tables after rows were inserted or deleted under columns c0..c1. */
    afterRowShift(sheet, from, delta, c0, c1, except) {
      for (const n of this.names.values()) {
        if (!n.box || n.sheet !== sheet || n.box.c0 < c0 || n.box.c1 > c1 || n.box.r0 < from) continue;
        n.box = { r0: n.box.r0 + delta, c0: n.box.c0, r1: n.box.r1 + delta, c1: n.box.c1 };
      }
      for (const t of this.tables) {
        if (t === except || t.sheet !== sheet || t.r0 < from || t.c1 < c0 || t.c0 > c1) continue;
        if (t.c0 < c0 || t.c1 > c1) fail("InsertDeleteConflict", `This would split table ${t.name}.`);
        t.r0 += delta;
        t.r1 += delta;
      }
    }
  }

  // ----- writing cells as Excel reads them ---------------------------------------------------------------------------

  const NUMBER_LIKE = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

  /** Writes one value the way Excel's Range.values does; `how` is "values" or "formulas". */
  function writeCell(wb, sheet, r, c, input, how, note) {
    if (input === null || input === undefined) return; // null in a 2-D array leaves the cell alone
    const cell = sheet.cell(r, c);
    cell.quotePrefix = false;
    if (typeof input !== "string") {
      cell.value = input;
      cell.formula = null;
      return;
    }
    if (input === "") {
      cell.value = "";
      cell.formula = null;
      return;
    }
    if (cell.numberFormat === "@") {
      cell.value = input; // Text format: stored as typed, whatever it starts with
      cell.formula = null;
      return;
    }
    if (input.startsWith("'")) {
      cell.value = input.slice(1);
      cell.formula = null;
      cell.quotePrefix = true;
      return;
    }
    const looksLikeFormula = /^[=+\-@]/.test(input);
    if (looksLikeFormula && !(how === "formulas" && input.startsWith("="))) {
      // Text that Excel would not keep as text: the add-in meant a value and Excel makes a formula (or number) of it.
      wb.violations.push({
        sheet: sheet.name,
        address: a1({ r0: r, c0: c, r1: r, c1: c }),
        text: input,
        via: how,
        note,
      });
    }
    if (input.startsWith("=") || (looksLikeFormula && !NUMBER_LIKE.test(input))) {
      cell.formula = input.startsWith("=") ? input : `=${input}`;
      cell.value = "#CALC!"; // computed by calculate()
      return;
    }
    if (NUMBER_LIKE.test(input)) {
      cell.value = Number(input);
      cell.formula = null;
      return;
    }
    cell.value = input;
    cell.formula = null;
  }

  // ----- proxies ----------------------------------------------------------------------------------------------------

  let proxySerial = 0;

  /** Base of every client object: a target resolved when its creating action runs, and loaded properties. */
  class ClientObject {
    constructor(ctx, resolver, creationBytes) {
      this.context = ctx;
      this._id = ++proxySerial;
      this._target = undefined;
      this._loaded = Object.create(null);
      this._synced = false;
      this._nullable = false;
      this._nav = Object.create(null);
      if (resolver) {
        ctx._queue(() => {
          this._target = resolver();
        }, creationBytes || ACTION_BYTES);
        ctx._track(this);
      }
    }
    /** A navigation property (range.worksheet, table.worksheet): one proxy per owner, loadable as "worksheet/name". */
    _navigate(name) {
      if (!this._nav[name]) this._nav[name] = this._makeNav(name, () => this._navTarget(name));
      return this._nav[name];
    }
    _makeNav(name, resolver) {
      if (name === "worksheet") return new Worksheet(this.context, resolver);
      fail("InvalidArgument", `No navigation property '${name}'.`);
    }
    _navTarget(name) {
      return name === "worksheet" ? this._get().sheet : undefined;
    }
    _get() {
      if (this._target === undefined)
        fail("InvalidObjectPath", "The object was used before the action that creates it ran.");
      if (this._target === null) fail("ItemNotFound", "The requested resource doesn't exist.");
      return this._target;
    }
    get isNullObject() {
      if (!this._synced) fail("PropertyNotLoaded", "isNullObject is known only after context.sync().");
      return this._target === null;
    }
    _read(prop) {
      if (!(prop in this._loaded)) {
        fail(
          "PropertyNotLoaded",
          `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
        );
      }
      return this._loaded[prop];
    }
    _props() {
      return [];
    }
    _snapshot(_prop) {
      return undefined;
    }
    load(spec) {
      const props = normaliseLoad(spec, this._props());
      this.context._queue(
        () => {
          if (this._target === null) return 0; // a null object loads nothing
          let bytes = 0;
          for (const p of props) {
            if (p.includes("/")) {
              bytes += loadNavigation(this, p);
              continue;
            }
            const v = this._snapshot(p);
            this._loaded[p] = v;
            bytes += jsonBytes(v);
          }
          return bytes;
        },
        ACTION_BYTES,
        "load",
      );
      this.context._track(this);
      return this;
    }
    toJSON() {
      return Object.assign({}, this._loaded);
    }
  }

  /** Loads "worksheet/name" on an object whose navigation property `worksheet` the class knows. */
  function loadNavigation(owner, path) {
    const [nav, prop] = path.split("/");
    if (!owner._nav[nav]) owner._nav[nav] = owner._makeNav(nav, null);
    const child = owner._nav[nav];
    child._target = owner._navTarget(nav);
    child._synced = true;
    const v = child._snapshot(prop);
    child._loaded[prop] = v;
    return jsonBytes(v);
  }

  function normaliseLoad(spec, all) {
    if (spec === undefined || spec === null) return all;
    let list = [];
    if (typeof spec === "string") list = spec.split(",");
    else if (Array.isArray(spec)) list = spec;
    else if (typeof spec === "object")
      list = String(spec.select || "")
        .split(",")
        .concat(String(spec.expand || "").split(","));
    return list.map((s) => s.trim()).filter(Boolean);
  }

  function defineLoaded(cls, props) {
    for (const p of props) {
      Object.defineProperty(cls.prototype, p, {
        get() {
          return this._read(p);
        },
        configurable: true,
      });
    }
  }

  /** A collection whose load("items/a,items/b") makes proxies of its items with those properties read. */
  class Collection extends ClientObject {
    constructor(ctx, Item, lister, defaults, label) {
      super(ctx, null);
      this._target = true;
      this._items = null;
      this._Item = Item;
      this._lister = lister;
      this._defaults = defaults;
      this._label = label;
    }
    load(spec) {
      const props = normaliseLoad(spec, this._defaults)
        .map((p) => p.replace(/^items\//, ""))
        .filter((p) => p !== "items");
      const wanted = props.length ? props : this._defaults;
      this.context._queue(
        () => {
          this._items = this._lister().map((target) => {
            const item = new this._Item(this.context, null);
            item._target = target;
            item._synced = true;
            for (const p of wanted) {
              if (p.includes("/")) loadNavigation(item, p);
              else item._loaded[p] = item._snapshot(p);
            }
            return item;
          });
          return jsonBytes(this._items.map((item) => item._loaded));
        },
        ACTION_BYTES,
        "load",
      );
      this.context._track(this);
      return this;
    }
    get items() {
      if (!this._items) fail("PropertyNotLoaded", `Load ${this._label}.items and sync before reading them.`);
      return this._items;
    }
  }

  // Range -----------------------------------------------------------------------------------------------------------

  class RangeTarget {
    constructor(sheet, box) {
      this.sheet = sheet;
      this.box = box;
      if (!inBounds(box)) fail("InvalidArgument", "The range is outside the worksheet.");
    }
    get rows() {
      return this.box.r1 - this.box.r0 + 1;
    }
    get cols() {
      return this.box.c1 - this.box.c0 + 1;
    }
    grid(fn) {
      const out = [];
      for (let r = this.box.r0; r <= this.box.r1; r++) {
        const row = [];
        for (let c = this.box.c0; c <= this.box.c1; c++) row.push(fn(this.sheet.peek(r, c) || emptyCell(), r, c));
        out.push(row);
      }
      return out;
    }
  }

  const RANGE_PROPS = [
    "address",
    "values",
    "formulas",
    "numberFormat",
    "text",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "valueTypes",
  ];

  class Range extends ClientObject {
    _props() {
      return RANGE_PROPS;
    }
    _snapshot(p) {
      const t = this._get();
      switch (p) {
        case "address":
          return `${quoteSheet(t.sheet.name)}!${a1(t.box)}`;
        case "values":
        case "text":
          return t.grid((cell) => (p === "text" ? String(cell.value) : cell.value));
        case "formulas":
          return t.grid((cell) => (cell.formula !== null ? cell.formula : cell.value));
        case "numberFormat":
          return t.grid((cell) => cell.numberFormat);
        case "valueTypes":
          return t.grid((cell) =>
            cell.value === ""
              ? "Empty"
              : typeof cell.value === "number"
                ? "Double"
                : typeof cell.value === "boolean"
                  ? "Boolean"
                  : "String",
          );
        case "rowIndex":
          return t.box.r0;
        case "columnIndex":
          return t.box.c0;
        case "rowCount":
          return t.rows;
        case "columnCount":
          return t.cols;
        default:
          return undefined;
      }
    }
    _derive(fn) {
      return new Range(this.context, () => fn(this._get()));
    }
    _set(prop, input) {
      const how = prop === "formulas" ? "formulas" : "values";
      this.context._queue(
        () => {
          const t = this._get();
          const wb = this.context.workbook._wb;
          const each = (fn) => {
            if (Array.isArray(input)) {
              if (input.length !== t.rows || input.some((row) => !Array.isArray(row) || row.length !== t.cols)) {
                fail(
                  "InvalidArgument",
                  `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${a1(t.box)}).`,
                );
              }
              input.forEach((row, i) => row.forEach((v, j) => fn(t.box.r0 + i, t.box.c0 + j, v)));
            } else {
              for (let r = t.box.r0; r <= t.box.r1; r++) for (let c = t.box.c0; c <= t.box.c1; c++) fn(r, c, input);
            }
          };
          if (prop === "numberFormat")
            each(
              (r, c, v) =>
                v !== null && v !== undefined && (t.sheet.cell(r, c).numberFormat = v === "" ? "General" : String(v)),
            );
          else each((r, c, v) => writeCell(wb, t.sheet, r, c, v, how, `${prop} of ${a1(t.box)}`));
          wb.writes.push({
            sync: this.context._syncIndex(),
            sheet: t.sheet.name,
            address: a1(t.box),
            prop,
            cells: t.rows * t.cols,
            broadcast: !Array.isArray(input),
          });
        },
        ACTION_BYTES + jsonBytes(input),
      );
    }
    set values(v) {
      this._set("values", v);
    }
    get values() {
      return this._read("values");
    }
    set formulas(v) {
      this._set("formulas", v);
    }
    get formulas() {
      return this._read("formulas");
    }
    set numberFormat(v) {
      this._set("numberFormat", v);
    }
    get numberFormat() {
      return this._read("numberFormat");
    }
    get worksheet() {
      return this._navigate("worksheet");
    }
    get format() {
      const queue = (fn) => this.context._queue(() => fn(this._get()));
      const each = (fn) =>
        queue((t) => {
          for (let r = t.box.r0; r <= t.box.r1; r++) for (let c = t.box.c0; c <= t.box.c1; c++) fn(t.sheet.cell(r, c));
        });
      return {
        autofitColumns: () => queue((t) => t.sheet.autofitted.push(a1(t.box))),
        autofitRows: () => queue(() => undefined),
        font: {
          set bold(v) {
            each((cell) => (cell.bold = Boolean(v)));
          },
          set italic(v) {
            each((cell) => (cell.italic = Boolean(v)));
          },
          set color(v) {
            each((cell) => (cell.fontColor = checkColor(v)));
          },
          set size(v) {
            if (!(typeof v === "number" && v >= 1 && v <= 409))
              fail("InvalidArgument", `Font size ${v} is not between 1 and 409.`);
            each((cell) => (cell.fontSize = v));
          },
        },
        fill: {
          set color(v) {
            each((cell) => (cell.fill = checkColor(v)));
          },
          clear: () => each((cell) => (cell.fill = null)),
        },
        set horizontalAlignment(v) {
          each((cell) => (cell.horizontalAlignment = String(v)));
        },
        set wrapText(v) {
          each((cell) => (cell.wrapText = Boolean(v)));
        },
        set columnWidth(v) {
          if (!(typeof v === "number" && v >= 0))
            fail("InvalidArgument", `Column width ${v} is not a number of points.`);
          queue((t) => {
            for (let c = t.box.c0; c <= t.box.c1; c++) t.sheet.columnWidths.set(c, v);
          });
        },
      };
    }
    get conditionalFormats() {
      return {
        add: (type) => {
          if (!["ContainsText", "CellValue"].includes(type))
            fail("InvalidArgument", `Conditional format type '${type}' is not modelled by the double.`);
          const entry = { address: null, type, rule: null, format: { fontColor: null, fill: null, bold: null } };
          this.context._queue(() => {
            const t = this._get();
            entry.address = a1(t.box);
            t.sheet.conditionalFormats.push(entry);
          });
          const queue = (fn) => this.context._queue(() => fn(entry));
          const body = {
            format: {
              font: {
                set color(v) {
                  queue((e) => (e.format.fontColor = checkColor(v)));
                },
                set bold(v) {
                  queue((e) => (e.format.bold = Boolean(v)));
                },
              },
              fill: {
                set color(v) {
                  queue((e) => (e.format.fill = checkColor(v)));
                },
              },
            },
            set rule(v) {
              const ok =
                type === "ContainsText"
                  ? v &&
                    typeof v.text === "string" &&
                    ["Contains", "NotContains", "BeginsWith", "EndsWith"].includes(v.operator)
                  : v && typeof v.formula1 === "string" && typeof v.operator === "string";
              if (!ok) fail("InvalidArgument", `Not a ${type} rule: ${JSON.stringify(v)}`);
              queue((e) => (e.rule = clone(v)));
            },
          };
          return type === "ContainsText" ? { textComparison: body } : { cellValue: body };
        },
      };
    }
    getCell(row, column) {
      return this._derive(
        (t) =>
          new RangeTarget(t.sheet, {
            r0: t.box.r0 + row,
            c0: t.box.c0 + column,
            r1: t.box.r0 + row,
            c1: t.box.c0 + column,
          }),
      );
    }
    getRow(row) {
      return this._derive(
        (t) => new RangeTarget(t.sheet, { r0: t.box.r0 + row, c0: t.box.c0, r1: t.box.r0 + row, c1: t.box.c1 }),
      );
    }
    getColumn(column) {
      return this._derive(
        (t) => new RangeTarget(t.sheet, { r0: t.box.r0, c0: t.box.c0 + column, r1: t.box.r1, c1: t.box.c0 + column }),
      );
    }
    getLastRow() {
      return this._derive((t) => new RangeTarget(t.sheet, { r0: t.box.r1, c0: t.box.c0, r1: t.box.r1, c1: t.box.c1 }));
    }
    getResizedRange(dr, dc) {
      return this._derive(
        (t) => new RangeTarget(t.sheet, { r0: t.box.r0, c0: t.box.c0, r1: t.box.r1 + dr, c1: t.box.c1 + dc }),
      );
    }
    getOffsetRange(dr, dc) {
      return this._derive(
        (t) => new RangeTarget(t.sheet, { r0: t.box.r0 + dr, c0: t.box.c0 + dc, r1: t.box.r1 + dr, c1: t.box.c1 + dc }),
      );
    }
    getUsedRangeOrNullObject(valuesOnly) {
      const r = new Range(this.context, () => {
        const t = this._get();
        let box = null;
        for (let row = t.box.r0; row <= t.box.r1; row++) {
          for (let col = t.box.c0; col <= t.box.c1; col++) {
            const cell = t.sheet.peek(row, col);
            if (!cell) continue;
            const used = cell.formula !== null || cell.value !== "" || (!valuesOnly && cell.numberFormat !== "General");
            if (!used) continue;
            box = box
              ? {
                  r0: Math.min(box.r0, row),
                  c0: Math.min(box.c0, col),
                  r1: Math.max(box.r1, row),
                  c1: Math.max(box.c1, col),
                }
              : { r0: row, c0: col, r1: row, c1: col };
          }
        }
        return box ? new RangeTarget(t.sheet, box) : null;
      });
      return r;
    }
    getTables(fullyContained) {
      return new TableCollection(this.context, () => {
        const t = this._get();
        const wb = this.context.workbook._wb;
        return wb.tables.filter(
          (tb) =>
            tb.sheet === t.sheet &&
            (fullyContained
              ? tb.r0 >= t.box.r0 && tb.r1 <= t.box.r1 && tb.c0 >= t.box.c0 && tb.c1 <= t.box.c1
              : overlaps(tb.box, t.box)),
        );
      });
    }
    clear(applyTo) {
      this.context._queue(() => {
        const t = this._get();
        for (let r = t.box.r0; r <= t.box.r1; r++) {
          for (let c = t.box.c0; c <= t.box.c1; c++) {
            const cell = t.sheet.peek(r, c);
            if (!cell) continue;
            if (applyTo === "Contents") {
              cell.value = "";
              cell.formula = null;
            } else t.sheet.cells.delete(t.sheet.key(r, c));
          }
        }
      });
    }
    select() {
      this.context._queue(() => {
        const t = this._get();
        this.context.workbook._wb.active = { sheet: t.sheet, row: t.box.r0, col: t.box.c0 };
      });
    }
  }
  defineLoaded(Range, ["address", "text", "rowIndex", "columnIndex", "rowCount", "columnCount", "valueTypes"]);

  // Worksheet ---------------------------------------------------------------------------------------------------------

  class Worksheet extends ClientObject {
    _props() {
      return ["name", "id", "position"];
    }
    _snapshot(p) {
      const s = this._get();
      if (p === "name") return s.name;
      if (p === "id") return s.id;
      if (p === "position") return this.context.workbook._wb.sheets.indexOf(s);
      return undefined;
    }
    getRange(address) {
      return new Range(this.context, () => {
        const s = this._get();
        const b = parseAddress(address);
        return new RangeTarget(s, b);
      });
    }
    getRangeByIndexes(startRow, startColumn, rowCount, columnCount) {
      return new Range(this.context, () => {
        if (rowCount < 1 || columnCount < 1) fail("InvalidArgument", "A range needs at least one row and one column.");
        return new RangeTarget(this._get(), {
          r0: startRow,
          c0: startColumn,
          r1: startRow + rowCount - 1,
          c1: startColumn + columnCount - 1,
        });
      });
    }
    getUsedRangeOrNullObject(valuesOnly) {
      return this.getRangeByIndexes(0, 0, 2000, 200).getUsedRangeOrNullObject(valuesOnly);
    }
    get tables() {
      return new TableCollection(
        this.context,
        () => this.context.workbook._wb.tables.filter((t) => t.sheet === this._get()),
        this,
      );
    }
    get freezePanes() {
      return {
        freezeRows: (count) =>
          this.context._queue(() => {
            this._get().frozenRows = count || 0;
          }),
      };
    }
    activate() {
      this.context._queue(() => {
        this.context.workbook._wb.active = { sheet: this._get(), row: 0, col: 0 };
      });
    }
    delete() {
      this.context._queue(() => deleteSheet(this.context.workbook._wb, this._get()));
    }
    set showGridlines(v) {
      this.context._queue(() => {
        this._get().showGridlines = Boolean(v);
      });
    }
    get charts() {
      return new ChartCollection(this.context, this);
    }
    get pageLayout() {
      const queue = (fn) => this.context._queue(() => fn(this._get().pageLayout, this._get()));
      const setter = (name, check) => ({
        set(v) {
          if (check) check(v);
          queue((pl) => (pl[name] = clone(v)));
        },
      });
      const layout = {
        setPrintArea: (area) => {
          const target = area instanceof Range ? area : this.getRange(String(area));
          queue((pl) => (pl.printArea = a1(target._get().box)));
        },
        setPrintTitleRows: (rows) => {
          const target = rows instanceof Range ? rows : this.getRange(String(rows));
          queue((pl) => (pl.printTitleRows = a1(target._get().box)));
        },
      };
      Object.defineProperty(
        layout,
        "orientation",
        setter(
          "orientation",
          (v) =>
            ["Portrait", "Landscape"].includes(v) ||
            fail("InvalidArgument", `Orientation '${v}' is neither Portrait nor Landscape.`),
        ),
      );
      Object.defineProperty(
        layout,
        "zoom",
        setter("zoom", (v) => {
          const fit = v && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined);
          const scale = v && v.scale !== undefined;
          if (!v || typeof v !== "object" || fit === scale)
            fail("InvalidArgument", "Page zoom is either a scale or fit-to-pages, as one object (zoom = {...}).");
          if (scale && !(v.scale >= 10 && v.scale <= 400))
            fail("InvalidArgument", `Print scale ${v.scale} is not between 10 and 400.`);
        }),
      );
      for (const p of [
        "centerHorizontally",
        "centerVertically",
        "printGridlines",
        "leftMargin",
        "rightMargin",
        "topMargin",
        "bottomMargin",
        "headerMargin",
        "footerMargin",
        "paperSize",
        "blackAndWhite",
        "draftMode",
        "printComments",
        "printErrors",
        "printHeadings",
        "printOrder",
      ]) {
        Object.defineProperty(layout, p, setter(p));
      }
      return layout;
    }
  }
  defineLoaded(Worksheet, ["name", "id", "position"]);

  // Charts -----------------------------------------------------------------------------------------------------------

  /** Excel.ChartType values (ExcelApi 1.1 and later): an unknown type is refused, as Excel refuses it. */
  const CHART_TYPES = new Set(
    (
      "Invalid ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked BarStacked100 " +
      "3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie " +
      "PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines XYScatterLinesNoMarkers AreaStacked " +
      "AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView " +
      "SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC CylinderColClustered CylinderColStacked " +
      "CylinderColStacked100 CylinderBarClustered CylinderBarStacked CylinderBarStacked100 CylinderCol ConeColClustered ConeColStacked " +
      "ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked PyramidColStacked100 " +
      "PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar " +
      "Histogram Boxwhisker Pareto RegionMap Treemap Waterfall Sunburst Funnel"
    ).split(" "),
  );

  /** The series Excel makes of a block: the first column as categories and the first row as names (by columns). */
  function seriesOf(sheet, box, by) {
    const text = (r, c) => {
      const v = sheet.cell(r, c).value;
      return typeof v === "string" ? v : "";
    };
    const columns = by === "Columns" || (by === "Auto" && box.r1 - box.r0 >= box.c1 - box.c0);
    const out = [];
    if (columns) {
      for (let c = box.c0 + 1; c <= box.c1; c++) {
        out.push({
          name: text(box.r0, c),
          values: a1({ r0: box.r0 + 1, c0: c, r1: box.r1, c1: c }),
          categories: a1({ r0: box.r0 + 1, c0: box.c0, r1: box.r1, c1: box.c0 }),
        });
      }
    } else {
      for (let r = box.r0 + 1; r <= box.r1; r++) {
        out.push({
          name: text(r, box.c0),
          values: a1({ r0: r, c0: box.c0 + 1, r1: r, c1: box.c1 }),
          categories: a1({ r0: box.r0, c0: box.c0 + 1, r1: box.r0, c1: box.c1 }),
        });
      }
    }
    return out;
  }

  class Chart extends ClientObject {
    _props() {
      return ["name", "chartType", "id"];
    }
    _snapshot(p) {
      const ch = this._get();
      if (p === "name") return ch.name;
      if (p === "chartType") return ch.type;
      if (p === "id") return ch.id;
      return undefined;
    }
    _set(fn) {
      this.context._queue(() => fn(this._get()));
    }
    set name(v) {
      this._set((ch) => (ch.name = String(v)));
    }
    get name() {
      return this._read("name");
    }
    set top(v) {
      this._set((ch) => (ch.top = v));
    }
    set left(v) {
      this._set((ch) => (ch.left = v));
    }
    set width(v) {
      this._set((ch) => (ch.width = v));
    }
    set height(v) {
      this._set((ch) => (ch.height = v));
    }
    get title() {
      const set = (fn) => this._set(fn);
      return {
        set text(v) {
          set((ch) => (ch.title = String(v)));
        },
        set visible(v) {
          set((ch) => (ch.titleVisible = Boolean(v)));
        },
      };
    }
    get legend() {
      const set = (fn) => this._set(fn);
      return {
        set visible(v) {
          set((ch) => (ch.legend.visible = Boolean(v)));
        },
        set position(v) {
          if (!["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(v))
            fail("InvalidArgument", `Legend position '${v}'.`);
          set((ch) => (ch.legend.position = v));
        },
      };
    }
    get dataLabels() {
      const set = (fn) => this._set(fn);
      return {
        set showValue(v) {
          set((ch) => (ch.dataLabels.showValue = Boolean(v)));
        },
        set numberFormat(v) {
          set((ch) => (ch.dataLabels.numberFormat = String(v)));
        },
      };
    }
    get axes() {
      const axis = (which) => {
        const set = (fn) => this._set((ch) => fn(ch.axes[which]));
        return {
          set numberFormat(v) {
            set((a) => (a.numberFormat = String(v)));
          },
          set reversePlotOrder(v) {
            set((a) => (a.reversePlotOrder = Boolean(v)));
          },
          set minimum(v) {
            set((a) => (a.minimum = v));
          },
          set maximum(v) {
            set((a) => (a.maximum = v));
          },
          get title() {
            return {
              set text(v) {
                set((a) => (a.title = String(v)));
              },
            };
          },
        };
      };
      return { valueAxis: axis("value"), categoryAxis: axis("category") };
    }
    setPosition(startCell, endCell) {
      const cellBox = (c) => (c instanceof Range ? c._get().box : parseAddress(String(c)));
      this._set((ch) => {
        const a = cellBox(startCell);
        const b = endCell === undefined ? a : cellBox(endCell);
        ch.position = a1({ r0: a.r0, c0: a.c0, r1: b.r1, c1: b.c1 });
      });
    }
    delete() {
      this._set((ch) => (ch.sheet.charts = ch.sheet.charts.filter((x) => x !== ch)));
    }
  }
  defineLoaded(Chart, ["chartType", "id"]);

  class ChartCollection extends Collection {
    constructor(ctx, sheetProxy) {
      super(ctx, Chart, () => sheetProxy._get().charts, ["name"], "charts");
      this._sheet = sheetProxy;
    }
    add(type, sourceData, seriesBy) {
      const by = seriesBy === undefined ? "Auto" : seriesBy;
      return new Chart(
        this.context,
        () => {
          if (!CHART_TYPES.has(type)) fail("InvalidArgument", `'${type}' is not an Excel.ChartType.`);
          if (!["Auto", "Columns", "Rows"].includes(by))
            fail("InvalidArgument", `'${by}' is not an Excel.ChartSeriesBy.`);
          if (!(sourceData instanceof Range)) fail("InvalidArgument", "A chart's source data must be a Range.");
          const sheet = this._sheet._get();
          const src = sourceData._get();
          if (src.sheet !== sheet) fail("InvalidArgument", "The double keeps a chart's source on its own sheet.");
          const wb = this.context.workbook._wb;
          wb.nextChartId = (wb.nextChartId || 0) + 1;
          const chart = {
            id: `{chart-${wb.nextChartId}}`,
            sheet,
            name: `Chart ${sheet.charts.length + 1}`,
            type,
            source: a1(src.box),
            seriesBy: by,
            series: seriesOf(sheet, src.box, by),
            title: null,
            titleVisible: true,
            position: null,
            legend: { visible: true, position: "Right" },
            dataLabels: { showValue: false, numberFormat: null },
            axes: { value: {}, category: {} },
          };
          sheet.charts.push(chart);
          return chart;
        },
        ACTION_BYTES + jsonBytes([type, by]),
      );
    }
    getItem(name) {
      return new Chart(this.context, () => {
        const ch = this._sheet._get().charts.find((c) => c.name === name);
        if (!ch) fail("ItemNotFound", `There is no chart '${name}'.`);
        return ch;
      });
    }
  }

  function deleteSheet(wb, sheet) {
    wb.tables = wb.tables.filter((t) => t.sheet !== sheet);
    for (const [k, n] of wb.names)
      if (n.sheet === sheet) wb.names.set(k, Object.assign({}, n, { sheet: null, box: null }));
    wb.sheets = wb.sheets.filter((s) => s !== sheet);
  }

  class WorksheetCollection extends Collection {
    constructor(ctx) {
      super(ctx, Worksheet, () => ctx.workbook._wb.sheets, ["name"], "worksheets");
    }
    add(name) {
      return new Worksheet(
        this.context,
        () => this.context.workbook._wb.addSheet(name),
        ACTION_BYTES + jsonBytes(name),
      );
    }
    getItem(key) {
      return new Worksheet(this.context, () => {
        const wb = this.context.workbook._wb;
        const s = wb.sheetByName(key) || wb.sheets.find((x) => x.id === key);
        if (!s) fail("ItemNotFound", `There is no sheet '${key}'.`);
        return s;
      });
    }
    getItemOrNullObject(key) {
      const ws = new Worksheet(this.context, () => {
        const wb = this.context.workbook._wb;
        return wb.sheetByName(key) || wb.sheets.find((x) => x.id === key) || null;
      });
      this.context._track(ws);
      return ws;
    }
    getActiveWorksheet() {
      return new Worksheet(this.context, () => this.context.workbook._wb.active.sheet);
    }
  }

  // Tables ------------------------------------------------------------------------------------------------------------

  class TableObject extends ClientObject {
    _props() {
      return ["id", "name", "style", "showHeaders"];
    }
    _snapshot(p) {
      const t = this._get();
      if (p === "id") return t.id;
      if (p === "name") return t.name;
      if (p === "style") return t.style;
      if (p === "showHeaders") return true;
      return undefined;
    }
    set name(v) {
      this.context._queue(
        () => {
          const t = this._get();
          const wb = this.context.workbook._wb;
          if (t.name.toLowerCase() !== String(v).toLowerCase()) wb.checkNewName(v, "table");
          t.name = v;
        },
        ACTION_BYTES + jsonBytes(v),
      );
    }
    get name() {
      return this._read("name");
    }
    set style(v) {
      this.context._queue(() => {
        this._get().style = v;
      });
    }
    get worksheet() {
      return this._navigate("worksheet");
    }
    _range(fn) {
      return new Range(this.context, () => {
        const t = this._get();
        return new RangeTarget(t.sheet, fn(t));
      });
    }
    getRange() {
      return this._range((t) => t.box);
    }
    getHeaderRowRange() {
      return this._range((t) => ({ r0: t.r0, c0: t.c0, r1: t.r0, c1: t.c1 }));
    }
    getDataBodyRange() {
      return this._range((t) => {
        if (t.r1 === t.r0) fail("ItemNotFound", "The table has no data rows.");
        return { r0: t.r0 + 1, c0: t.c0, r1: t.r1, c1: t.c1 };
      });
    }
    get rows() {
      return new TableRowCollection(this.context, this);
    }
    delete() {
      this.context._queue(() => {
        const t = this._get();
        const wb = this.context.workbook._wb;
        for (let r = t.r0; r <= t.r1; r++) for (let c = t.c0; c <= t.c1; c++) t.sheet.cells.delete(t.sheet.key(r, c));
        wb.tables = wb.tables.filter((x) => x !== t);
      });
    }
  }
  defineLoaded(TableObject, ["id", "style", "showHeaders"]);

  class TableRowCollection {
    constructor(ctx, table) {
      this.context = ctx;
      this._table = table;
    }
    _rowsView() {
      return { context: this.context, _table: this._table };
    }
    add(index, values, alwaysInsert) {
      this.context._queue(
        () => {
          const t = this._table._get();
          const wb = this.context.workbook._wb;
          if (alwaysInsert === false) fail("NotImplemented", "alwaysInsert=false is not modelled.");
          const width = t.c1 - t.c0 + 1;
          const rowsIn =
            values === undefined || values === null
              ? [new Array(width).fill(null)]
              : Array.isArray(values)
                ? values
                : [new Array(width).fill(values)];
          if (rowsIn.some((r) => !Array.isArray(r) || r.length !== width))
            fail("InvalidArgument", `Each new row must have ${width} values.`);
          const n = rowsIn.length;
          const pos = index === null || index === undefined || index === -1 ? t.bodyRows : index;
          if (pos < 0 || pos > t.bodyRows) fail("InvalidArgument", `Row index ${pos} is outside the table.`);
          // A calculated column: every data cell holds the same formula.
          const calculated = [];
          for (let c = t.c0; c <= t.c1; c++) {
            let f;
            for (let r = t.r0 + 1; r <= t.r1; r++) {
              const cell = t.sheet.peek(r, c);
              const cf = cell ? cell.formula : null;
              if (cf === null || (f !== undefined && cf !== f)) {
                f = null;
                break;
              }
              f = cf;
            }
            calculated.push(f || null);
          }
          const at = t.r0 + 1 + pos;
          t.sheet.shiftRows(at, n, t.c0, t.c1);
          wb.afterRowShift(t.sheet, at, n, t.c0, t.c1, t);
          t.r1 += n;
          rowsIn.forEach((row, i) =>
            row.forEach((v, j) => {
              const c = t.c0 + j;
              const r = at + i;
              const above = t.sheet.peek(r > t.r0 + 1 ? r - 1 : r + n, c);
              if (above) t.sheet.cell(r, c).numberFormat = above.numberFormat; // new rows take the column's format
              if (v === null && calculated[j]) {
                t.sheet.cell(r, c).formula = calculated[j];
                t.sheet.cell(r, c).value = "#CALC!";
              } else writeCell(wb, t.sheet, r, c, v, "values", `rows.add on ${t.name}`);
            }),
          );
          wb.writes.push({
            sync: this.context._syncIndex(),
            sheet: t.sheet.name,
            address: a1({ r0: at, c0: t.c0, r1: at + n - 1, c1: t.c1 }),
            prop: "rows.add",
            cells: n * width,
            broadcast: false,
          });
        },
        ACTION_BYTES + jsonBytes(values === undefined ? null : values),
      );
      return { _added: true };
    }
    getItemAt(index) {
      const rows = this._rowsView();
      return {
        delete() {
          rows.context._queue(() => {
            const t = rows._table._get();
            const wb = rows.context.workbook._wb;
            if (index < 0 || index >= t.bodyRows) fail("InvalidArgument", `There is no row ${index} in ${t.name}.`);
            if (t.bodyRows === 1) fail("InvalidOperation", "This double keeps at least one data row in a table.");
            const r = t.r0 + 1 + index;
            t.sheet.shiftRows(r + 1, -1, t.c0, t.c1);
            wb.afterRowShift(t.sheet, r + 1, -1, t.c0, t.c1, t);
            t.r1 -= 1;
            wb.writes.push({
              sync: rows.context._syncIndex(),
              sheet: t.sheet.name,
              address: a1({ r0: r, c0: t.c0, r1: r, c1: t.c1 }),
              prop: "row.delete",
              cells: t.c1 - t.c0 + 1,
              broadcast: false,
            });
          });
        },
      };
    }
  }

  class TableCollection extends Collection {
    constructor(ctx, lister, sheetProxy) {
      super(ctx, TableObject, lister, ["id", "name"], "tables");
      this._sheetProxy = sheetProxy || null;
    }
    add(address, hasHeaders) {
      return new TableObject(
        this.context,
        () => {
          if (hasHeaders !== true) fail("NotImplemented", "This double models tables with headers only.");
          const wb = this.context.workbook._wb;
          let sheet;
          let box;
          if (address instanceof Range) {
            const t = address._get();
            sheet = t.sheet;
            box = t.box;
          } else {
            const b = parseAddress(address);
            sheet = b.sheet ? wb.sheetByName(b.sheet) : this._sheetProxy ? this._sheetProxy._get() : wb.active.sheet;
            if (!sheet) fail("ItemNotFound", `No sheet for ${address}.`);
            box = b;
          }
          return wb.addTable(sheet, { r0: box.r0, c0: box.c0, r1: box.r1, c1: box.c1 });
        },
        ACTION_BYTES + jsonBytes(typeof address === "string" ? address : null),
      );
    }
    getItem(key) {
      return new TableObject(this.context, () => {
        const t = this.context.workbook._wb.tableByKey(key);
        if (!t) fail("ItemNotFound", `There is no table '${key}'.`);
        return t;
      });
    }
    getItemOrNullObject(key) {
      const t = new TableObject(this.context, () => this.context.workbook._wb.tableByKey(key));
      this.context._track(t);
      return t;
    }
  }

  // Defined names -------------------------------------------------------------------------------------------------------

  class NamedItem extends ClientObject {
    _props() {
      return ["name", "type", "value", "comment"];
    }
    _snapshot(p) {
      const n = this._get();
      if (p === "name") return n.name;
      if (p === "type") return n.box ? "Range" : "Error";
      if (p === "value") return n.box ? `${quoteSheet(n.sheet.name)}!${a1(n.box)}` : "#REF!";
      if (p === "comment") return n.comment || "";
      return undefined;
    }
    getRangeOrNullObject() {
      return new Range(this.context, () => {
        const n = this._get();
        return n.box && n.sheet ? new RangeTarget(n.sheet, n.box) : null;
      });
    }
    getRange() {
      return new Range(this.context, () => {
        const n = this._get();
        if (!n.box || !n.sheet) fail("InvalidReference", `The name ${n.name} refers to #REF!.`);
        return new RangeTarget(n.sheet, n.box);
      });
    }
    delete() {
      this.context._queue(() => {
        const n = this._get();
        this.context.workbook._wb.names.delete(n.name.toLowerCase());
      });
    }
  }
  defineLoaded(NamedItem, ["type", "value", "comment"]);
  Object.defineProperty(NamedItem.prototype, "name", {
    get() {
      return this._read("name");
    },
  });

  class NamedItemCollection extends Collection {
    constructor(ctx) {
      super(ctx, NamedItem, () => Array.from(ctx.workbook._wb.names.values()), ["name", "type"], "names");
    }
    add(name, reference, comment) {
      return new NamedItem(
        this.context,
        () => {
          const wb = this.context.workbook._wb;
          wb.checkNewName(name, "defined");
          let sheet;
          let box;
          if (reference instanceof Range) {
            const t = reference._get();
            sheet = t.sheet;
            box = t.box;
          } else {
            const b = parseAddress(String(reference).replace(/^=/, ""));
            sheet = wb.sheetByName(b.sheet);
            box = b;
          }
          const item = { name, sheet, box: { r0: box.r0, c0: box.c0, r1: box.r1, c1: box.c1 }, comment: comment || "" };
          wb.names.set(name.toLowerCase(), item);
          return item;
        },
        ACTION_BYTES + jsonBytes([name, comment || ""]),
      );
    }
    getItemOrNullObject(name) {
      return new NamedItem(this.context, () => this.context.workbook._wb.names.get(String(name).toLowerCase()) || null);
    }
    getItem(name) {
      return new NamedItem(this.context, () => {
        const n = this.context.workbook._wb.names.get(String(name).toLowerCase());
        if (!n) fail("ItemNotFound", `There is no name '${name}'.`);
        return n;
      });
    }
  }

  // Settings -----------------------------------------------------------------------------------------------------------

  class Setting extends ClientObject {
    _props() {
      return ["key", "value"];
    }
    _snapshot(p) {
      const s = this._get();
      if (p === "key") return s.key;
      if (p === "value") return clone(s.value);
      return undefined;
    }
    delete() {
      this.context._queue(() => {
        const s = this._get();
        this.context.workbook._wb.settings.delete(s.key);
      });
    }
  }
  defineLoaded(Setting, ["key", "value"]);

  class SettingCollection extends Collection {
    constructor(ctx) {
      super(
        ctx,
        Setting,
        () => Array.from(ctx.workbook._wb.settings.entries()).map(([key, value]) => ({ key, value })),
        ["key", "value"],
        "settings",
      );
    }
    add(key, value) {
      if (typeof value === "function") fail("InvalidArgument", "A setting's value must be JSON.");
      const copy = clone(value);
      return new Setting(
        this.context,
        () => {
          const wb = this.context.workbook._wb;
          wb.settings.set(String(key), copy);
          return { key: String(key), value: copy };
        },
        ACTION_BYTES + jsonBytes([key, value]),
      );
    }
    getItemOrNullObject(key) {
      const s = new Setting(this.context, () => {
        const wb = this.context.workbook._wb;
        return wb.settings.has(key) ? { key, value: wb.settings.get(key) } : null;
      });
      this.context._track(s);
      return s;
    }
  }

  // Context -------------------------------------------------------------------------------------------------------------

  class RequestContext {
    constructor(wb) {
      this._wb = wb;
      this._actions = [];
      this._tracked = [];
      this._suspend = false;
      this.workbook = {
        _wb: wb,
        worksheets: new WorksheetCollection(this),
        tables: new TableCollection(this, () => wb.tables),
        names: new NamedItemCollection(this),
        settings: new SettingCollection(this),
        getActiveCell: () =>
          new Range(
            this,
            () =>
              new RangeTarget(wb.active.sheet, {
                r0: wb.active.row,
                c0: wb.active.col,
                r1: wb.active.row,
                c1: wb.active.col,
              }),
          ),
        getSelectedRange: () => this.workbook.getActiveCell(),
      };
      this.application = {
        suspendApiCalculationUntilNextSync: () =>
          this._queue(() => {
            this._suspend = true;
          }),
      };
    }
    _syncIndex() {
      return this._wb.syncs.length + 1;
    }
    _queue(run, bytes, kind) {
      this._actions.push({ run, bytes: bytes || ACTION_BYTES, kind: kind || "action" });
    }
    _track(obj) {
      this._tracked.push(obj);
    }
    async sync() {
      const actions = this._actions;
      const tracked = this._tracked;
      this._actions = [];
      this._tracked = [];
      const wb = this._wb;
      const requestBytes = actions.reduce((n, a) => n + a.bytes, 0);
      const record = {
        index: wb.syncs.length + 1,
        actions: actions.length,
        requestBytes,
        responseBytes: 0,
        suspended: false,
        writes: 0,
      };
      wb.syncs.push(record);
      if (requestBytes > wb.options.requestLimit) {
        fail(
          "RequestPayloadSizeLimitExceeded",
          `The request payload size (${requestBytes} bytes) has exceeded the limit (${wb.options.requestLimit} bytes).`,
        );
      }
      const writesBefore = wb.writes.length;
      this._suspend = false;
      try {
        for (const a of actions) {
          const got = a.run();
          if (a.kind === "load" && typeof got === "number") record.responseBytes += got;
        }
      } finally {
        record.suspended = this._suspend;
        record.writes = wb.writes.length - writesBefore;
        for (const obj of tracked) obj._synced = true;
      }
      if (record.responseBytes > wb.options.requestLimit)
        fail(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload (${record.responseBytes} bytes) is over the limit.`,
        );
      await Promise.resolve();
    }
  }
  // ----- formulas ------------------------------------------------------------------------------------------------------

  /** Evaluates =QUALIS.NAME([@Col], "text", 123) cells through the functions the page registered. */
  async function calculate(wb, registry) {
    const results = [];
    for (const sheet of wb.sheets) {
      for (const [k, cell] of sheet.cells) {
        if (cell.formula === null) continue;
        const [r, c] = k.split(",").map(Number);
        const m = /^=QUALIS\.([A-Z_]+)\((.*)\)$/i.exec(cell.formula);
        if (!m) continue;
        const fn = registry[m[1].toUpperCase()];
        if (!fn) {
          cell.value = "#NAME?";
          continue;
        }
        const table = wb.tables.find((t) => t.sheet === sheet && r > t.r0 && r <= t.r1 && c >= t.c0 && c <= t.c1);
        const args = splitArgs(m[2]).map((a) => {
          const ref = /^\[@\[?(.+?)\]?\]$/.exec(a);
          if (ref && table) {
            const header = ref[1].replace(/'(.)/g, "$1");
            const col = table.headers().findIndex((h) => h === header);
            return [[col < 0 ? "" : sheet.cell(r, table.c0 + col).value]];
          }
          if (/^".*"$/.test(a)) return a.slice(1, -1).replace(/""/g, '"');
          if (NUMBER_LIKE.test(a)) return Number(a);
          return a;
        });
        let out;
        try {
          out = await fn(...args);
        } catch (e) {
          out = [[e]];
        }
        const v = Array.isArray(out) ? out[0][0] : out;
        cell.value = v && typeof v === "object" && "code" in v ? v.code : v;
        results.push({ sheet: sheet.name, address: a1({ r0: r, c0: c, r1: r, c1: c }), value: cell.value });
      }
    }
    return results;
  }

  function splitArgs(text) {
    const out = [];
    let depth = 0;
    let quoted = false;
    let cur = "";
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      if (!quoted && ch === "[") depth++;
      if (!quoted && ch === "]") depth--;
      if (!quoted && depth === 0 && ch === ",") {
        out.push(cur.trim());
        cur = "";
      } else cur += ch;
    }
    if (cur.trim()) out.push(cur.trim());
    return out;
  }

  // ----- the test's view and the user's own edits -----------------------------------------------------------------------

  function inspector(wb) {
    const sheetOf = (name) => {
      const s = wb.sheetByName(name);
      if (!s) throw new Error(`No sheet '${name}' (sheets: ${wb.sheets.map((x) => x.name).join(", ")})`);
      return s;
    };
    const tableOf = (name) => {
      const t = wb.tableByKey(name);
      if (!t) throw new Error(`No table '${name}' (tables: ${wb.tables.map((x) => x.name).join(", ")})`);
      return t;
    };
    const cellView = (s, r, c) => {
      const cell = s.peek(r, c) || emptyCell();
      return {
        value: cell.value,
        formula: cell.formula,
        numberFormat: cell.numberFormat,
        quotePrefix: cell.quotePrefix,
        bold: cell.bold,
      };
    };
    return {
      get syncs() {
        return wb.syncs.map((s) => Object.assign({}, s));
      },
      get violations() {
        return wb.violations.slice();
      },
      get writes() {
        return wb.writes.slice();
      },
      sheetNames: () => wb.sheets.map((s) => s.name),
      activeSheet: () => wb.active.sheet.name,
      frozenRows: (sheet) => sheetOf(sheet).frozenRows,
      autofitted: (sheet) => sheetOf(sheet).autofitted.slice(),
      cell(sheet, address) {
        const b = parseAddress(address);
        return cellView(sheetOf(sheet), b.r0, b.c0);
      },
      /** Cells of a block as { value, formula, numberFormat } rows. */
      grid(sheet, address) {
        const s = sheetOf(sheet);
        const b = parseAddress(address);
        const out = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row = [];
          for (let c = b.c0; c <= b.c1; c++) row.push(cellView(s, r, c));
          out.push(row);
        }
        return out;
      },
      tables: () =>
        wb.tables.map((t) => ({
          id: t.id,
          name: t.name,
          sheet: t.sheet.name,
          address: a1(t.box),
          headers: t.headers(),
          rows: t.bodyRows,
        })),
      /** A table's data rows as objects keyed by header: { value, formula, numberFormat } per cell. */
      tableRows(name) {
        const t = tableOf(name);
        const headers = t.headers();
        const out = [];
        for (let r = t.r0 + 1; r <= t.r1; r++) {
          const row = {};
          headers.forEach((h, j) => (row[h] = cellView(t.sheet, r, t.c0 + j)));
          out.push(row);
        }
        return out;
      },
      names: () =>
        Array.from(wb.names.values()).map((n) => ({
          name: n.name,
          sheet: n.sheet ? n.sheet.name : null,
          address: n.box ? a1(n.box) : "#REF!",
          comment: n.comment,
        })),
      settings: () => Object.fromEntries(Array.from(wb.settings.entries()).map(([k, v]) => [k, clone(v)])),
      /** A cell's formats beyond its number format: fill, font, alignment. */
      style(sheet, address) {
        const b = parseAddress(address);
        const cell = sheetOf(sheet).peek(b.r0, b.c0) || emptyCell();
        return styleOf(cell);
      },
      charts: (sheet) =>
        sheetOf(sheet).charts.map((ch) => ({
          name: ch.name,
          type: ch.type,
          source: ch.source,
          seriesBy: ch.seriesBy,
          title: ch.title,
          position: ch.position,
          legend: clone(ch.legend),
          dataLabels: clone(ch.dataLabels),
          axes: clone(ch.axes),
          series: clone(ch.series),
        })),
      pageLayout: (sheet) => clone(sheetOf(sheet).pageLayout),
      conditionalFormats: (sheet) => clone(sheetOf(sheet).conditionalFormats),
      columnWidths: (sheet) =>
        Object.fromEntries(Array.from(sheetOf(sheet).columnWidths.entries()).map(([c, w]) => [colLetters(c), w])),
      showGridlines: (sheet) => sheetOf(sheet).showGridlines,
      /** Every cell that holds something or was formatted, top to bottom: what a picture of the sheet needs. */
      cells(sheet) {
        const s = sheetOf(sheet);
        return Array.from(s.cells.entries())
          .map(([k, cell]) => {
            const [r, c] = k.split(",").map(Number);
            return Object.assign(
              { row: r, col: c, address: a1({ r0: r, c0: c, r1: r, c1: c }) },
              cellView(s, r, c),
              styleOf(cell),
            );
          })
          .sort((x, y) => x.row - y.row || x.col - y.col);
      },
    };
  }

  function styleOf(cell) {
    return {
      bold: Boolean(cell.bold),
      italic: Boolean(cell.italic),
      fill: cell.fill || null,
      fontColor: cell.fontColor || null,
      fontSize: cell.fontSize || null,
      horizontalAlignment: cell.horizontalAlignment || null,
      wrapText: Boolean(cell.wrapText),
    };
  }

  function userActions(wb) {
    const tableOf = (name) => {
      const t = wb.tableByKey(name);
      if (!t) throw new Error(`No table '${name}'`);
      return t;
    };
    return {
      select(sheet, address) {
        const s = wb.sheetByName(sheet) || wb.addSheet(sheet);
        const b = parseAddress(address);
        wb.active = { sheet: s, row: b.r0, col: b.c0 };
      },
      addSheet: (name) => wb.addSheet(name).name,
      setCell(sheet, address, content) {
        const s = wb.sheetByName(sheet);
        const b = parseAddress(address);
        const cell = s.cell(b.r0, b.c0);
        if (content.numberFormat !== undefined) cell.numberFormat = content.numberFormat;
        if (content.formula !== undefined) {
          cell.formula = content.formula;
          cell.value = content.value !== undefined ? content.value : "#CALC!";
        } else if (content.value !== undefined) {
          cell.value = content.value;
          cell.formula = null;
        }
      },
      renameTable(oldName, newName) {
        const t = tableOf(oldName);
        wb.checkNewName(newName, "table");
        t.name = newName;
      },
      /** As if the workbook had been saved and reopened somewhere that numbers tables afresh. */
      changeTableId(name, id) {
        tableOf(name).id = String(id);
      },
      deleteTable(name) {
        const t = tableOf(name);
        for (let r = t.r0; r <= t.r1; r++) for (let c = t.c0; c <= t.c1; c++) t.sheet.cells.delete(t.sheet.key(r, c));
        wb.tables = wb.tables.filter((x) => x !== t);
      },
      deleteSheet(name) {
        deleteSheet(wb, wb.sheetByName(name));
      },
      /** Adds a column at the table's right edge: `cells(rowIndex, ticker)` gives each row's { value } or { formula }. */
      addTableColumn(name, header, cells) {
        const t = tableOf(name);
        const c = t.c1 + 1;
        for (let r = t.r0; r <= t.r1; r++)
          if (!t.sheet.isEmpty(r, c)) throw new Error("The column right of the table is not empty.");
        t.c1 = c;
        t.sheet.cell(t.r0, c).value = header;
        const tickerCol = t.c0;
        for (let r = t.r0 + 1; r <= t.r1; r++) {
          const content = cells(r - t.r0 - 1, t.sheet.cell(r, tickerCol).value);
          if (content) this.setCell(t.sheet.name, a1({ r0: r, c0: c, r1: r, c1: c }), content);
        }
      },
      /** Inserts whole sheet rows (everything below moves down: cells, tables, names), as Home > Insert > Sheet Rows. */
      insertSheetRows(sheet, at, count) {
        const s = wb.sheetByName(sheet);
        const from = at - 1;
        s.shiftRows(from, count, 0, MAX_COLS - 1);
        for (const t of wb.tables)
          if (t.sheet === s && t.r0 >= from) {
            t.r0 += count;
            t.r1 += count;
          }
        for (const n of wb.names.values())
          if (n.sheet === s && n.box && n.box.r0 >= from)
            n.box = { r0: n.box.r0 + count, c0: n.box.c0, r1: n.box.r1 + count, c1: n.box.c1 };
      },
    };
  }

  // ----- entry points ------------------------------------------------------------------------------------------------

  /** A fresh workbook and the Excel namespace over it. */
  function create(options) {
    const wb = new Workbook(options);
    const Excel = {
      run(batch) {
        const ctx = new RequestContext(wb);
        return Promise.resolve()
          .then(() => batch(ctx))
          .then(async (result) => {
            if (ctx._actions.length) await ctx.sync();
            return result;
          });
      },
      RequestContext: function () {
        return new RequestContext(wb);
      },
      InsertShiftDirection: { down: "Down", right: "Right" },
      DeleteShiftDirection: { up: "Up", left: "Left" },
      ErrorCodes: {
        itemNotFound: "ItemNotFound",
        invalidArgument: "InvalidArgument",
        requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
      },
    };
    return {
      Excel,
      context: () => new RequestContext(wb),
      inspect: inspector(wb),
      user: userActions(wb),
      calculate: (registry) => calculate(wb, registry),
      workbook: wb,
    };
  }

  /** Browser: defines window.Excel (before office.js loads) and window.__excelDouble for the test to look into. */
  function install(target, options) {
    const d = create(options);
    target.Excel = d.Excel;
    target.__excelDouble = d;
    d.calculateRegistered = () => {
      const cf = target.CustomFunctions;
      const mappings = cf && cf._association ? cf._association.mappings : {};
      return d.calculate(mappings);
    };
    return d;
  }

  return { create, install, RichApiError, parseAddress, a1, REQUEST_LIMIT };
});
