#!/usr/bin/env node
// `npm stop`: stop what `npm start` started (and unregister the sideloaded add-in where office-addin-debugging did it).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const pidFile = path.join(root, ".qualis-dev", "dev-server.pid");
// Tells `npm start` that the server's exit was asked for, so it exits 0 rather than report a crash.
const stopFile = path.join(root, ".qualis-dev", "dev-server.stopped");
let stopped = false;

if (process.platform === "win32" || process.platform === "darwin") {
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [root] });
    spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    stopped = true;
  } catch {
    // not installed: only our own dev server to stop
  }
}
if (fs.existsSync(pidFile)) {
  const pid = Number(fs.readFileSync(pidFile, "utf8"));
  try {
    fs.writeFileSync(stopFile, String(pid));
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the development server (pid ${pid}).`);
    stopped = true;
  } catch {
    fs.rmSync(stopFile, { force: true });
    console.log(`The development server (pid ${pid}) was not running.`);
  }
  fs.rmSync(pidFile, { force: true });
}
if (!stopped) console.log("Nothing to stop: no development server started by `npm start` is recorded.");
