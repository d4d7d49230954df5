// help.html: the page the manifest's SupportUrl and every function's @helpurl point at — a static page generated
// from FUNCTION_SPECS, the field catalogue and the methodology tables, with an anchor per function id in lower case
// (#quality_score) and per field (#field-market_cap). No script at all; its only style is the linked help.css,
// and its Content-Security-Policy allows exactly that.
import { helpAnchor } from "../model/function-specs";
import { CONSTANTS, FUNCTION_SPECS, fieldsByGroup, PATHS, pathTitle, pillarRows, SIGNALS, signature } from "./content";

export const HELP_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const esc = escapeHtml;
const code = (s: string) => `<code>${esc(s)}</code>`;

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("\n");
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs}\n</tbody>\n</table>`;
}

function functionSection(f: (typeof FUNCTION_SPECS)[number]): string {
  const parts = [
    `<section id="${esc(helpAnchor(f.id))}">`,
    `<h3>${code(`=${signature(f)}`)}</h3>`,
    `<p>${esc(f.summary)}</p>`,
  ];
  if (f.params.length > 0) {
    parts.push("<dl>");
    for (const p of f.params)
      parts.push(`<dt>${code(p.name)}${p.optional ? " (optional)" : ""}</dt><dd>${esc(p.description)}</dd>`);
    parts.push("</dl>");
  }
  parts.push(`<p><strong>Returns:</strong> ${esc(f.returns)}</p>`);
  for (const n of f.notes) parts.push(`<p>${esc(n)}</p>`);
  parts.push(`<p>Examples: ${f.examples.map(code).join(", ")}</p>`, "</section>");
  return parts.join("\n");
}

export function helpPageHtml(): string {
  const c = CONSTANTS;
  const body = [
    "<header>",
    "<h1>Qualis Small Caps — function help</h1>",
    "<p>Custom functions for Excel in the <code>QUALIS</code> namespace, over a snapshot of the Russell 2000. " +
      "Out of the box the add-in runs on a <strong>DEMO</strong> universe of fictional companies; <code>=QUALIS.AS_OF()</code> says which data is loaded.</p>",
    `<nav><ul>${FUNCTION_SPECS.map((f) => `<li><a href="#${esc(helpAnchor(f.id))}">${esc(f.id)}</a></li>`).join("")}` +
      '<li><a href="#fields">Fields</a></li><li><a href="#methodology">Methodology</a></li></ul></nav>',
    "</header>",
    "<main>",
    '<h2 id="functions">Functions</h2>',
    ...FUNCTION_SPECS.map(functionSection),
    '<h2 id="fields">Fields</h2>',
    "<p>Every name below works in <code>=QUALIS.FIELD(tickers, name)</code>. Fractions are fractions (0.123): format them as percentages.</p>",
    ...fieldsByGroup().map(
      (g) =>
        `<h3>${esc(g.label)}</h3>\n${table(
          ["name", "label", "unit", "description"],
          g.fields.map((f) => [
            `<span id="field-${esc(f.name)}">${code(f.name)}</span>`,
            esc(f.label),
            esc(f.unit),
            esc(f.description),
          ]),
        )}`,
    ),
    '<h2 id="methodology">Methodology</h2>',
    "<p>Each metric becomes a percentile rank (0–1, ties averaged, direction applied) among the companies of the same scoring path that have it; " +
      `a pillar is the mean of its available metric percentiles; the score is 100 × the weighted mean of the available pillars, weights renormalised. Fewer than ${c.minPillars} pillars (financials &amp; real estate: ${c.minPillarsFinancial}): #N/A.</p>`,
    ...PATHS.map(
      (p) =>
        `<h3>${esc(pathTitle(p))}</h3>\n${table(
          ["pillar", "weight", "metrics"],
          pillarRows(p).map((r) => [esc(r.pillar), esc(r.weight), esc(r.metrics.replace(/`/g, ""))]),
        )}`,
    ),
    '<h3 id="piotroski">Piotroski F-score signals</h3>',
    table(
      ["signal", "passes when"],
      SIGNALS.map((s) => [esc(s.label), esc(s.definition)]),
    ),
    '<h3 id="graduation">Graduation probability</h3>',
    "<p>P is the chance that ln(cap on rank day / upper band U) is above 0, taken as ln(cap/U) − σ²τ/2 plus normal noise of variance s_cap² + s_band² + σ²τ " +
      "and, for a cap estimated from fund weights (float-adjusted, so too small for low-float companies), a one-sided exponential part (an exponentially modified normal). " +
      `τ is the years to the next rank day, σ the company's annualised volatility (where the snapshot has none, a prior by sector and size; ${c.defaultVolatility} where neither is known); ` +
      "s_cap, the one-sided part and the band are fitted on the June 2025 reconstitution (see Methodology). QUALIS.SCORE_BREAKDOWN lists each input. For several reconstitutions: the probability of being above the band on any of their rank days, " +
      "along one Gaussian walk. Rank days: 30 April (the last business day of April when the 30th is a weekend), effective the fourth Friday of June; " +
      `from 2026 also the last business day of the late-year rank month, effective Friday number ${c.lateEffectiveFriday} of the month after.</p>`,
    "</main>",
  ];
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(HELP_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>Qualis Small Caps — help</title>",
    '<link rel="stylesheet" href="help.css">',
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

export const HELP_CSS = `body { font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.45; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
section { margin: 1.5rem 0; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
code { font-family: Consolas, "Courier New", monospace; background: #f3f3f3; padding: 0 0.2em; }
dt { font-weight: 600; margin-top: 0.4rem; }
dd { margin-left: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f4f0; }
:target { background: #fff8d0; }
`;
