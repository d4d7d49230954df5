#!/usr/bin/env node
// Offline manifest checks (office-addin-manifest validate posts to an online service and cannot run here):
// well-formed XML, the shared runtime wired to one page, the QUALIS namespace, every resid defined, every URL
// https (in a production manifest none at localhost or a reserved name such as .example: scripts/urls.js), and every
// icon file present.
const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");
const { reservedHostReason } = require("./urls");

function asArray(x) {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** Walks a parsed XML tree, calling fn(name, node) for every element. */
function walk(node, fn, name = "") {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, fn, name));
  if (!node || typeof node !== "object") return;
  fn(name, node);
  for (const [k, v] of Object.entries(node)) if (!k.startsWith("@_") && k !== "#text") walk(v, fn, k);
}

/**
 * @param {string} xml manifest text
 * @param {{ production?: boolean, assetRoot?: string }} opts assetRoot: folder that holds assets/ (repo or dist)
 * @returns {string[]} problems; empty when the manifest passes
 */
function checkManifest(xml, opts = {}) {
  const problems = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return [`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`];
  const doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true }).parse(xml);
  const app = doc.OfficeApp;
  if (!app) return ["no <OfficeApp> root element"];

  // Resources: resid -> value
  const res = new Map();
  const resources = app.VersionOverrides?.Resources ?? {};
  for (const group of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    const g = resources[group] ?? {};
    for (const item of asArray(g.Image ?? g.Url ?? g.String)) res.set(item["@_id"], item["@_DefaultValue"]);
  }

  // Every resid used is defined.
  const used = [];
  walk(app.VersionOverrides, (name, node) => {
    if (node["@_resid"] !== undefined) used.push([name, node["@_resid"]]);
  });
  for (const [name, id] of used)
    if (!res.has(id)) problems.push(`<${name} resid="${id}"> refers to an undefined resource`);

  // Shared runtime: one resid for runtime, custom-functions page, function file and task pane.
  const host = asArray(app.VersionOverrides?.Hosts?.Host)[0] ?? {};
  const runtime = asArray(host.Runtimes?.Runtime)[0];
  if (!runtime) problems.push("no <Runtimes><Runtime> (shared runtime) element");
  else if (runtime["@_lifetime"] !== "long")
    problems.push(`<Runtime lifetime="${runtime["@_lifetime"]}">: must be "long"`);
  const runtimeId = runtime?.["@_resid"];
  const sets = asArray(app.Requirements?.Sets?.Set);
  if (!sets.some((s) => s["@_Name"] === "SharedRuntime" && String(s["@_MinVersion"]) === "1.1")) {
    problems.push('Requirements must include <Set Name="SharedRuntime" MinVersion="1.1"/>');
  }
  const cf = asArray(host.AllFormFactors?.ExtensionPoint).find((e) => e["@_type"] === "CustomFunctions");
  if (!cf) problems.push("no CustomFunctions extension point");
  else {
    if (cf.Page?.SourceLocation?.["@_resid"] !== runtimeId)
      problems.push("custom functions <Page> must use the runtime's resid");
    const ns = res.get(cf.Namespace?.["@_resid"]);
    if (ns !== "QUALIS") problems.push(`custom functions namespace is '${ns}', expected 'QUALIS'`);
  }
  const desktop = host.DesktopFormFactor ?? {};
  if (desktop.FunctionFile?.["@_resid"] !== runtimeId) problems.push("<FunctionFile> must use the runtime's resid");
  const taskpaneActions = [];
  walk(desktop, (name, node) => {
    if (name === "Action" && node["@_type"] === "ShowTaskpane") taskpaneActions.push(node);
  });
  if (taskpaneActions.length === 0) problems.push("no ribbon button opens the task pane (ShowTaskpane action)");
  for (const a of taskpaneActions) {
    if (a.SourceLocation?.["@_resid"] !== runtimeId)
      problems.push("the ShowTaskpane action must use the runtime's resid");
    // Microsoft's shared-runtime guide: a runtime supports one task pane, and a pane without a <TaskpaneId> counts
    // as a different one, so the id stays (the official shared-runtime template keeps it too).
    if (!a.TaskpaneId)
      problems.push(
        "the ShowTaskpane action has no <TaskpaneId>: a shared runtime would count it as another task pane",
      );
  }
  const homeTab = asArray(desktop.ExtensionPoint).some((e) =>
    asArray(e.OfficeTab).some((t) => t["@_id"] === "TabHome"),
  );
  if (!homeTab) problems.push('the ribbon button is not on the Home tab (OfficeTab id="TabHome")');

  // URLs: everything that looks like one, in attributes anywhere.
  const urls = [];
  walk(app, (_name, node) => {
    for (const [k, v] of Object.entries(node))
      if (k.startsWith("@_") && typeof v === "string" && /^[a-z]+:\/\//i.test(v)) urls.push(v);
  });
  for (const u of urls) {
    let parsed;
    try {
      parsed = new URL(u);
    } catch {
      problems.push(`not a valid URL: ${u}`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`URL is not https: ${u}`);
    const reserved = opts.production ? reservedHostReason(parsed.hostname) : null;
    if (reserved === "is localhost") problems.push(`production manifest still points at ${u}`);
    else if (reserved) problems.push(`production manifest points at ${u}, whose host ${reserved}`);
  }

  // Icons: 16/32/64/80 exist as files under assets/.
  const root = opts.assetRoot ?? process.cwd();
  for (const size of [16, 32, 64, 80]) {
    const f = path.join(root, "assets", `icon-${size}.png`);
    if (!fs.existsSync(f)) problems.push(`icon missing: ${path.relative(process.cwd(), f)}`);
  }
  for (const u of urls) {
    const m = /\/(assets\/[^/?#]+\.png)$/.exec(u);
    if (m && !fs.existsSync(path.join(root, m[1]))) problems.push(`the manifest names ${m[1]}, which does not exist`);
  }
  return problems;
}

module.exports = { checkManifest };

if (require.main === module) {
  const args = process.argv.slice(2);
  const production = args.includes("--production");
  const file = args.find((a) => !a.startsWith("--")) ?? "manifest.xml";
  const problems = checkManifest(fs.readFileSync(file, "utf8"), {
    production,
    assetRoot: path.dirname(path.resolve(file)),
  });
  if (problems.length) {
    console.error(`${file}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(
    `${file}: OK (well-formed; shared runtime on one page; namespace QUALIS; all URLs https${production ? ", none at localhost or a reserved host" : ""}; icons present)`,
  );
}
