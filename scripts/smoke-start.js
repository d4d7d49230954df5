#!/usr/bin/env node
// CI check of the README's main command on Linux: `npm start` must serve the add-in over https on localhost and
// print the steps to load it into Excel on the web. Starts it, waits for those steps, probes the pages, stops it.
const { spawn } = require("child_process");
const path = require("path");
const { probe } = require("./dev-server-probe");

const root = path.resolve(__dirname, "..");
const child = spawn("npm", ["start"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true });
let output = "";
child.stdout.on("data", (d) => (output += d));
child.stderr.on("data", (d) => (output += d));

function finish(code, message) {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
  console[code ? "error" : "log"](message);
  process.exit(code);
}

const timer = setTimeout(
  () => finish(1, `npm start did not report a served add-in within 240 s. Output:\n${output}`),
  240000,
);
child.on("exit", (code) => finish(1, `npm start exited (${code}) before serving. Output:\n${output}`));

const poll = setInterval(async () => {
  if (!output.includes("Upload My Add-in")) return;
  clearInterval(poll);
  clearTimeout(timer);
  child.removeAllListeners("exit");
  const pages = ["taskpane.html", "functions.json", "manifest.xml", "snapshot/demo.json", "assets/icon-80.png"];
  const codes = await Promise.all(pages.map((p) => probe(`https://localhost:3000/${p}`)));
  const bad = pages.filter((_, i) => codes[i] !== 200);
  if (bad.length) finish(1, `npm start printed the steps but these pages do not answer 200: ${bad.join(", ")}`);
  finish(
    0,
    `npm start: served https://localhost:3000/ (${pages.join(", ")} → 200) and printed the Excel-on-the-web steps.`,
  );
}, 500);
