// The generated blocks of docs/ (the function and field reference, the methodology's tables), written between
// marker comments by `npx qualis docs` (npm run docs). A test fails when a file in the repository differs from what
// this would write.
import { CONSTANTS, FUNCTION_SPECS, fieldsByGroup, PATHS, pathTitle, pillarRows, SIGNALS, signature } from "./content";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");

function pillars(): string {
  return PATHS.map(
    (path) =>
      `**${pathTitle(path)}**\n\n${table(
        ["pillar", "weight", "metrics"],
        pillarRows(path).map((r) => [r.pillar, r.weight, r.metrics]),
      )}`,
  ).join("\n\n");
}

function piotroski(): string {
  return table(
    ["signal", "passes when"],
    SIGNALS.map((s) => [s.label, s.definition]),
  );
}

function functions(): string {
  return FUNCTION_SPECS.map((f) => {
    const parts = [`### \`${signature(f)}\``, f.summary];
    if (f.params.length > 0) {
      parts.push(
        table(
          ["parameter", "meaning"],
          f.params.map((p) => [p.optional ? `\`${p.name}\` (optional)` : `\`${p.name}\``, p.description]),
        ),
      );
    }
    parts.push(`Returns: ${f.returns}`);
    parts.push(...f.notes);
    parts.push(`Examples: ${f.examples.map((e) => `\`${e}\``).join(", ")}`);
    return parts.join("\n\n");
  }).join("\n\n");
}

function fields(): string {
  return fieldsByGroup()
    .map(
      (g) =>
        `**${g.label}**\n\n${table(
          ["name", "label", "unit", "Excel format", "description"],
          g.fields.map((f) => [`\`${f.name}\``, f.label, f.unit, `\`${f.numberFormat}\``, f.description]),
        )}`,
    )
    .join("\n\n");
}

function constants(): string {
  const c = CONSTANTS;
  return [
    `- a quality score needs at least ${c.minPillars} pillars with data (financials & real estate: ${c.minPillarsFinancial} of their 3);`,
    `- a Piotroski F-score needs at least ${c.minPiotroskiSignals} of its 9 signals computable;`,
    `- Altman Z″ zones: safe above ${c.altmanSafe.toFixed(2)}, distress below ${c.altmanDistress.toFixed(2)}, grey between;`,
    `- annualised volatility where a company has none: a prior by sector and size (src/model/volatility-prior.ts; ${c.defaultVolatility} where neither is known);`,
    `- GRADUATION_PROB considers 1 to ${c.maxReconstitutions} reconstitutions;`,
    `- the late-year reconstitution takes effect on Friday number ${c.lateEffectiveFriday} of the month after its rank day unless the snapshot's \`index.calendar.lateEffectiveFriday\` says otherwise.`,
  ].join("\n");
}

/** Each generated block by its marker name. */
export const GENERATED_BLOCKS: Record<string, () => string> = { pillars, piotroski, constants, functions, fields };

/** The docs files `qualis docs` rewrites by default, and the blocks each must carry. */
export const DOCS_FILES: Readonly<Record<string, readonly string[]>> = {
  "docs/methodology.md": ["pillars", "piotroski", "constants"],
  "docs/functions.md": ["functions"],
  "docs/fields.md": ["fields"],
};

const begin = (name: string) => `<!-- BEGIN GENERATED ${name}: npx qualis docs -->`;
const end = (name: string) => `<!-- END GENERATED ${name} -->`;

/** The names of the generated blocks whose begin marker a text carries. */
export function blocksIn(text: string): string[] {
  return Object.keys(GENERATED_BLOCKS).filter((name) => text.includes(begin(name)));
}

/** The text with each named block (default: every block it carries) rewritten; throws when a block's markers are missing. */
export function updateBlocks(text: string, names: readonly string[] = blocksIn(text)): string {
  let out = text;
  for (const name of names) {
    // Own keys only: a name such as "constructor" is no block (docs/security.md, class 8).
    const render = Object.prototype.hasOwnProperty.call(GENERATED_BLOCKS, name) ? GENERATED_BLOCKS[name] : undefined;
    if (!render) throw new Error(`no generated block is called '${name}'`);
    const a = out.indexOf(begin(name));
    const b = out.indexOf(end(name));
    if (a < 0 || b < a) throw new Error(`no ${begin(name)} … ${end(name)} markers`);
    out = `${out.slice(0, a + begin(name).length)}\n${render()}\n${out.slice(b)}`;
  }
  return out;
}

export { begin as beginMarker, end as endMarker };
