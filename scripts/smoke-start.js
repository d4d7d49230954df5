#!/usr/bin/env node
// CI check of the README's main command on Linux: `npm start` must serve the add-in over https on localhost and
// print the steps to load it into Excel on the web. Starts it, waits for those steps, probes the pages; then a second
// `npm start` must refuse (the port is taken, by which process) and leave the first one's pid file alone; then
// `npm stop` must stop the first, which exits 0.
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { probe } = require("./dev-server-probe");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, ".qualis-dev", "dev-server.pid");
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

async function secondStartRefuses() {
  const recorded = fs.readFileSync(pidFile, "utf8");
  const second = spawnSync(process.execPath, [path.join(__dirname, "start.js")], {
    cwd: root,
    encoding: "utf8",
    timeout: 60000,
  });
  const said = `${second.stdout}${second.stderr}`;
  if (second.status === 0) finish(1, `a second npm start exited 0 while the first served. Output:\n${said}`);
  if (!/port 3000 is taken by pid \d+/.test(said))
    finish(1, `a second npm start did not say which process holds port 3000. Output:\n${said}`);
  if (fs.readFileSync(pidFile, "utf8") !== recorded) finish(1, "a second npm start overwrote the first one's pid file");
  return said.split("\n")[0];
}

function stopExitsZero() {
  return new Promise((resolve) => {
    const t = setTimeout(() => finish(1, `npm start did not exit within 30 s of npm stop. Output:\n${output}`), 30000);
    child.on("exit", (code) => {
      clearTimeout(t);
      if (code !== 0) finish(1, `npm start exited ${code} after npm stop (expected 0). Output:\n${output}`);
      resolve();
    });
    const stop = spawnSync(process.execPath, [path.join(__dirname, "stop.js")], { cwd: root, encoding: "utf8" });
    if (stop.status !== 0) finish(1, `npm stop failed: ${stop.stdout}${stop.stderr}`);
  });
}

const poll = setInterval(async () => {
  if (!output.includes("Upload My Add-in")) return;
  clearInterval(poll);
  clearTimeout(timer);
  child.removeAllListeners("exit");
  const pages = ["taskpane.html", "functions.json", "manifest.xml", "snapshot/demo.json", "assets/icon-80.png"];
  const codes = await Promise.all(pages.map((p) => probe(`https://localhost:3000/${p}`)));
  const bad = pages.filter((_, i) => codes[i] !== 200);
  if (bad.length) finish(1, `npm start printed the steps but these pages do not answer 200: ${bad.join(", ")}`);
  const refusal = await secondStartRefuses();
  await stopExitsZero();
  console.log(
    `npm start: served https://localhost:3000/ (${pages.join(", ")} → 200) and printed the Excel-on-the-web steps.`,
  );
  console.log(`a second npm start refused: ${refusal}`);
  console.log("npm stop stopped it, and npm start exited 0.");
  process.exit(0);
}, 500);
