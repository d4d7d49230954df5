// Calculates what the Excel double holds, the way Excel would, so that tests can check the numbers a template's
// formulas give and not only their text. The engine is HyperFormula (a spreadsheet engine, a devDependency); the
// double's cells and tables go in with every structured reference (Table[Column], [@[Column]], Table[#Headers])
// turned into the A1 range it means. Three things HyperFormula lacks are added for tests only: AGGREGATE (the
// functions the templates use, with "ignore errors"), ROW over a range (an array of row numbers, as in Excel) and the
// QUALIS functions, answered from the model's engine as src/functions answers them (errors typed the same way).
//
// Used by the jest tests of the templates and by the browser tests' picture of the workbook.
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { Engine } from "../../src/model/engine";
import { columnLetters as colLetters } from "../../src/taskpane/workbook/excel-names";
import type { Failure, Outcome } from "../../src/model/outcome";
import { parseProfitBasis } from "../../src/model/profitability";
import type { CellDump, Inspector } from "../support/excel-double";

export interface TableView {
  name: string;
  sheet: string;
  address: string;
  headers: string[];
}

/** What the double holds, as plain data (a browser test reads it from the page). */
export interface WorkbookView {
  sheets: { name: string; cells: CellDump[] }[];
  tables: TableView[];
}

export function workbookView(inspect: Inspector): WorkbookView {
  return {
    sheets: inspect.sheetNames().map((name) => ({ name, cells: inspect.cells(name) })),
    tables: inspect.tables(),
  };
}

/** How the QUALIS functions answer: the engine of the loaded universe, and QUALIS.AS_OF()'s text. */
export interface QualisAnswers {
  engine: Engine;
  asOf: string;
}

export type Computed = string | number | boolean | null;

export interface Evaluation {
  /** A cell's value: a number, text, TRUE/FALSE, null when empty; an error as its code ("#N/A"). */
  value(sheet: string, address: string): Computed;
  /** Values of a block, row by row. */
  grid(sheet: string, address: string): Computed[][];
  /** The message behind an error value, where there is one. */
  message(sheet: string, address: string): string | null;
}

// ----- A1 ---------------------------------------------------------------------------------------------------------

const colIndex = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}
function parseBox(address: string): Box {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address.replace(/\$/g, "").replace(/^.*!/, ""));
  if (!m) throw new Error(`not an address: ${address}`);
  const r0 = Number(m[2]) - 1;
  const c0 = colIndex(m[1]!);
  return { r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? colIndex(m[3]) : c0 };
}
const quoteSheet = (s: string) => `'${s.replace(/'/g, "''")}'`;
const absolute = (sheet: string, b: Box) =>
  `${quoteSheet(sheet)}!$${colLetters(b.c0)}$${b.r0 + 1}` +
  (b.r0 === b.r1 && b.c0 === b.c1 ? "" : `:$${colLetters(b.c1)}$${b.r1 + 1}`);

// ----- structured references → A1 ---------------------------------------------------------------------------------

/** The text inside [ … ] starting at `start` (a "["), with ' escapes kept; and the index after the closing "]". */
function readBracket(f: string, start: number): { inner: string; end: number } {
  let depth = 0;
  for (let i = start; i < f.length; i++) {
    const ch = f[i];
    if (ch === "'") {
      i++;
      continue;
    }
    if (ch === "[") depth++;
    if (ch === "]" && --depth === 0) return { inner: f.slice(start + 1, i), end: i + 1 };
  }
  throw new Error(`unclosed [ in ${f}`);
}

const unescape = (s: string) => s.replace(/'(.)/g, "$1");
const unbracket = (s: string) => unescape(s.startsWith("[") && s.endsWith("]") ? s.slice(1, -1) : s);

/** Splits "[#Headers],[Col]" or "[A]:[B]" at top-level commas and colons. */
function parts(spec: string): { items: string[]; range: boolean } {
  const items: string[] = [];
  let depth = 0;
  let cur = "";
  let range = false;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i]!;
    if (ch === "'") {
      cur += ch + (spec[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (depth === 0 && (ch === "," || ch === ":")) {
      if (ch === ":") range = true;
      items.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  items.push(cur.trim());
  return { items, range };
}

export function translateFormula(
  formula: string,
  here: { sheet: string; row: number; col: number },
  tables: TableView[],
): string {
  const tableOf = (name: string | null): TableView & { box: Box } => {
    const t = name
      ? tables.find((x) => x.name.toLowerCase() === name.toLowerCase())
      : tables.find((x) => {
          const b = parseBox(x.address);
          return x.sheet === here.sheet && here.row > b.r0 && here.row <= b.r1 && here.col >= b.c0 && here.col <= b.c1;
        });
    if (!t) throw new Error(`no table ${name ?? "around the cell"} for ${formula}`);
    return { ...t, box: parseBox(t.address) };
  };
  const resolve = (name: string | null, spec: string): string => {
    const t = tableOf(name);
    const column = (header: string) => {
      const i = t.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
      if (i < 0) throw new Error(`no column '${header}' in ${t.name} for ${formula}`);
      return t.box.c0 + i;
    };
    const body = (c0: number, c1: number) => absolute(t.sheet, { r0: t.box.r0 + 1, c0, r1: t.box.r1, c1 });
    if (spec.startsWith("@")) {
      const c = column(unbracket(spec.slice(1)));
      return absolute(t.sheet, { r0: here.row, c0: c, r1: here.row, c1: c });
    }
    const { items, range } = parts(spec);
    const names = items.map(unbracket);
    if (names[0] === "#Headers") {
      if (names.length === 1) return absolute(t.sheet, { r0: t.box.r0, c0: t.box.c0, r1: t.box.r0, c1: t.box.c1 });
      const c = column(names[1]!);
      return absolute(t.sheet, { r0: t.box.r0, c0: c, r1: t.box.r0, c1: c });
    }
    if (names[0] === "#Data" || names[0] === "") return body(t.box.c0, t.box.c1);
    if (range) return body(column(names[0]!), column(names[1]!));
    const c = column(names[0]!);
    return body(c, c);
  };

  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // a string literal, or a quoted sheet name: copied as it is
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      const { inner, end } = readBracket(formula, i);
      out += resolve(null, inner);
      i = end;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i))?.[0];
    if (word) {
      const after = i + word.length;
      if (formula[after] === "[") {
        const { inner, end } = readBracket(formula, after);
        out += resolve(word, inner);
        i = end;
      } else {
        // HyperFormula writes the logical constants as functions.
        out += /^(TRUE|FALSE)$/i.test(word) && formula[after] !== "(" ? `${word.toUpperCase()}()` : word;
        i = after;
      }
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

// ----- functions HyperFormula lacks ---------------------------------------------------------------------------------

let answers: QualisAnswers | null = null;

const ERROR_OF: Record<Failure["kind"], ErrorType> = {
  unknown_ticker: ErrorType.NA,
  no_fundamentals: ErrorType.NA,
  insufficient_data: ErrorType.NA,
  not_member: ErrorType.NA,
  invalid_argument: ErrorType.VALUE,
  unknown_field: ErrorType.VALUE,
  no_universe: ErrorType.NA,
};
const answer = <T>(o: Outcome<T>) => (o.ok ? o.value : new CellError(ERROR_OF[o.kind], o.message));
const blank = (v: unknown) =>
  v === undefined || v === null || typeof v === "symbol" || (typeof v === "string" && v.trim() === "");

class TestFunctions extends FunctionPlugin {
  private engine(): Engine {
    if (!answers) throw new Error("evaluateWorkbook sets the QUALIS answers");
    return answers.engine;
  }
  private perTicker(ast: any, state: any, name: string, f: (ticker: string, ...rest: unknown[]) => unknown) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(name),
      (t: unknown, ...rest: unknown[]) => (blank(t) ? "" : f(String(t), ...rest)) as any,
    );
  }
  field(ast: any, state: any) {
    return this.perTicker(ast, state, "QUALIS.FIELD", (t, field) => answer(this.engine().field(t, String(field))));
  }
  quality(ast: any, state: any) {
    return this.perTicker(ast, state, "QUALIS.QUALITY_SCORE", (t) => answer(this.engine().qualityScoreOf(t)));
  }
  graduation(ast: any, state: any) {
    return this.perTicker(ast, state, "QUALIS.GRADUATION_PROB", (t, n) =>
      answer(this.engine().graduationProbabilityOf(t, typeof n === "number" ? n : 1)),
    );
  }
  profitable(ast: any, state: any) {
    return this.perTicker(ast, state, "QUALIS.IS_PROFITABLE", (t, basis) => {
      const b = parseProfitBasis(blank(basis) ? undefined : String(basis));
      return b.ok ? answer(this.engine().isProfitable(t, b.value)) : answer(b);
    });
  }
  unprofitable(ast: any, state: any) {
    return this.runFunction(ast.args, state, this.metadata("QUALIS.UNPROFITABLE_SHARE"), (basis: unknown) => {
      const b = parseProfitBasis(blank(basis) ? undefined : String(basis));
      return (b.ok ? answer(this.engine().unprofitableShare(b.value)) : answer(b)) as any;
    });
  }
  asOf(ast: any, state: any) {
    return this.runFunction(ast.args, state, this.metadata("QUALIS.AS_OF"), () => answers!.asOf);
  }
  /** AGGREGATE(function, options, array, [k]) for the functions templates use; options 2, 3, 6 and 7 skip errors. */
  aggregate(ast: any, state: any) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("AGGREGATE"),
      (fn: number, options: number, data: unknown, k?: number): any => {
        const all = data instanceof SimpleRangeValue ? data.valuesFromTopLeftCorner() : [data];
        const skipErrors = [2, 3, 6, 7].includes(options);
        const error = all.find((v) => v instanceof CellError);
        if (error && !skipErrors) return error;
        const xs = all.filter((v): v is number => typeof v === "number").sort((a, b) => a - b);
        const num = () => new CellError(ErrorType.NUM, "AGGREGATE: no value");
        switch (fn) {
          case 1:
            return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : new CellError(ErrorType.DIV_BY_ZERO);
          case 2:
            return xs.length;
          case 4:
            return xs.length ? xs[xs.length - 1]! : 0;
          case 5:
            return xs.length ? xs[0]! : 0;
          case 9:
            return xs.reduce((a, b) => a + b, 0);
          case 12: {
            if (!xs.length) return num();
            const m = Math.floor(xs.length / 2);
            return xs.length % 2 ? xs[m]! : (xs[m - 1]! + xs[m]!) / 2;
          }
          case 14:
            return k !== undefined && k >= 1 && k <= xs.length ? xs[xs.length - Math.floor(k)]! : num();
          case 15:
            return k !== undefined && k >= 1 && k <= xs.length ? xs[Math.floor(k) - 1]! : num();
          default:
            return new CellError(ErrorType.VALUE, `AGGREGATE(${fn}, …) is not modelled by the tests`);
        }
      },
    );
  }
  /** ROW(), ROW(cell), and ROW(range) as a column of row numbers (HyperFormula gives only the first). */
  row(ast: any, state: any) {
    const arg = ast.args[0];
    const base = state.formulaAddress;
    if (!arg) return base.row + 1;
    if (arg.type === "CELL_REFERENCE") return arg.reference.toSimpleCellAddress(base).row + 1;
    if (arg.type === "CELL_RANGE") {
      const r0 = arg.start.toSimpleCellAddress(base).row;
      const r1 = arg.end.toSimpleCellAddress(base).row;
      if (r0 === r1) return r0 + 1;
      const rows: number[][] = [];
      for (let r = Math.min(r0, r1); r <= Math.max(r0, r1); r++) rows.push([r + 1]);
      return SimpleRangeValue.onlyNumbers(rows);
    }
    return new CellError(ErrorType.VALUE, `ROW(${arg.type}) is not modelled by the tests`);
  }
  rowSize(ast: any, state: any) {
    return ast.args.length ? new ArraySize(1, this.arraySizeForAst(ast.args[0], state).height) : ArraySize.scalar();
  }
}
const scalar = { argumentType: FunctionArgumentType.SCALAR };
const optional = { argumentType: FunctionArgumentType.SCALAR, optionalArg: true };
(TestFunctions as any).implementedFunctions = {
  "QUALIS.FIELD": { method: "field", parameters: [scalar, scalar] },
  "QUALIS.QUALITY_SCORE": { method: "quality", parameters: [scalar] },
  "QUALIS.GRADUATION_PROB": { method: "graduation", parameters: [scalar, optional] },
  "QUALIS.IS_PROFITABLE": { method: "profitable", parameters: [scalar, optional] },
  "QUALIS.UNPROFITABLE_SHARE": { method: "unprofitable", parameters: [optional] },
  "QUALIS.AS_OF": { method: "asOf", parameters: [] },
  AGGREGATE: {
    method: "aggregate",
    enableArrayArithmeticForArguments: true,
    parameters: [
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.NUMBER },
      { argumentType: FunctionArgumentType.RANGE },
      { argumentType: FunctionArgumentType.NUMBER, optionalArg: true },
    ],
  },
  ROW: {
    method: "row",
    sizeOfResultArrayMethod: "rowSize",
    parameters: [{ argumentType: FunctionArgumentType.RANGE, optionalArg: true }],
  },
};

let registered = false;
function register() {
  if (registered) return;
  registered = true;
  HyperFormula.unregisterFunction("ROW");
  const names = Object.keys((TestFunctions as any).implementedFunctions);
  HyperFormula.registerFunctionPlugin(TestFunctions, { enGB: Object.fromEntries(names.map((n) => [n, n])) });
}

// ----- the workbook ---------------------------------------------------------------------------------------------------

/** Calculates every formula of the workbook. Formulas HyperFormula cannot read come back as errors with the reason. */
export function evaluateWorkbook(view: WorkbookView, qualis: QualisAnswers): Evaluation {
  register();
  answers = qualis;
  const problems = new Map<string, string>();
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of view.sheets) {
    const grid: (string | number | boolean | null)[][] = [];
    for (const c of s.cells) {
      const row = (grid[c.row] ??= []);
      let input: string | number | boolean | null;
      if (c.formula !== null) {
        try {
          input = translateFormula(c.formula, { sheet: s.name, row: c.row, col: c.col }, view.tables);
        } catch (e) {
          problems.set(`${s.name}!${c.address}`, (e as Error).message);
          input = `=NA()`;
        }
      } else if (typeof c.value === "string")
        input = c.value === "" ? null : `'${c.value}`; // text stays text
      else input = c.value;
      row[c.col] = input;
    }
    sheets[s.name] = Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
  }
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: "gpl-v3",
    useArrayArithmetic: false,
    smartRounding: false,
  });
  const read = (sheet: string, r: number, c: number) => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    return hf.getCellValue({ sheet: id, row: r, col: c });
  };
  const value = (v: unknown): Computed => {
    if (v && typeof v === "object" && "value" in v) return String((v as { value: unknown }).value);
    return v as Computed;
  };
  return {
    value: (sheet, address) => {
      const b = parseBox(address);
      return value(read(sheet, b.r0, b.c0));
    },
    grid: (sheet, address) => {
      const b = parseBox(address);
      const out: Computed[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: Computed[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(value(read(sheet, r, c)));
        out.push(row);
      }
      return out;
    },
    message: (sheet, address) => {
      const b = parseBox(address);
      const key = `${sheet}!${colLetters(b.c0)}${b.r0 + 1}`;
      if (problems.has(key)) return problems.get(key)!;
      const v = read(sheet, b.r0, b.c0) as unknown;
      return v && typeof v === "object" && "message" in v ? String((v as { message: unknown }).message) || null : null;
    },
  };
}
