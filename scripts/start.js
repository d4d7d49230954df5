#!/usr/bin/env node
// `npm start`: build and serve the add-in on https://localhost:3000, then
//  - Windows/macOS: sideload into Excel desktop with office-addin-debugging (when it installed);
//  - Linux (office-addin-debugging can neither sideload nor start Excel there): print how to load it into Excel
//    on the web.
// It reports only what it checked: the server counts as up when the pages answer 200, nothing sooner. With the port
// already taken it says by which process and exits 1, leaving that server's pid file alone; after `npm stop` it
// exits 0.
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { waitForServer } = require("./dev-server-probe");
const { describeHolder, portHolder, portIsFree } = require("./port-holder");

const root = path.resolve(__dirname, "..");
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const base = `https://localhost:${port}/`;
const stateDir = path.join(root, ".qualis-dev");
const pidFile = path.join(stateDir, "dev-server.pid");
const logFile = path.join(stateDir, "dev-server.log");
/** Written by `npm stop` before it stops the server: the server's exit was asked for. */
const stopFile = path.join(stateDir, "dev-server.stopped");
const PAGES = ["taskpane.html", "functions.json", "functions.js", "manifest.xml", "snapshot/demo.json"];

function hasDebugging() {
  try {
    require.resolve("office-addin-debugging/package.json", { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32", ...opts });
  return r.status === 0;
}

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function webInstructions() {
  const cert = path.join(root, "node_modules", ".cache", "webpack-dev-server", "server.pem");
  const devCerts = path.join(require("os").homedir(), ".office-addin-dev-certs", "ca.crt");
  const certNote = fs.existsSync(devCerts) ? devCerts : cert;
  return `
Qualis Small Caps is served at ${base} (checked: ${PAGES.join(", ")} answer 200).

Load it into Excel on the web:
  1. Trust the development certificate once, in the browser you use for Excel: open ${base}taskpane.html
     and accept the warning (Advanced → Proceed to localhost), or import
     ${certNote}
     into the browser's trusted certificate authorities.
  2. Open Excel on the web (https://excel.cloud.microsoft, or office.com → Excel) and open or create a workbook.
  3. Home → Add-ins → More Settings → Upload My Add-in (older layout: Insert → Office Add-ins → Upload My Add-in).
  4. Browse to ${path.join(root, "manifest.xml")} and choose Upload.
  5. The Qualis button appears on the Home tab; type =QUALIS.AS_OF() in a cell: it answers with the data's date
     and DEMO while the bundled demo universe is in use.

Leave this running while you use the add-in. Stop it with Ctrl+C (or \`npm stop\` from another terminal).
`;
}

/** Refuses, before building anything, when another process listens on the port (a second `npm start`, say). */
async function checkPort() {
  if (await portIsFree(port)) return;
  const holder = portHolder(port);
  let recorded = null;
  try {
    recorded = Number(fs.readFileSync(pidFile, "utf8"));
  } catch {
    // no server recorded
  }
  console.error(`npm start: ${describeHolder(port, holder)}, so the add-in cannot be served on ${base}.`);
  if (holder && recorded !== null && holder.pid === recorded)
    console.error("That is the development server `npm start` already runs: use it, or stop it with `npm stop`.");
  else console.error("Stop that process, or free the port, and run `npm start` again.");
  process.exit(1);
}

async function serveAndInstruct() {
  fs.mkdirSync(stateDir, { recursive: true });
  fs.rmSync(stopFile, { force: true });
  // The server's log and pid file are this run's only once the port is known to be free (checkPort).
  const log = fs.openSync(logFile, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    stdio: ["ignore", log, log],
  });
  fs.writeFileSync(pidFile, String(child.pid));
  let alive = true;
  child.on("exit", () => {
    alive = false;
  });
  const stop = () => {
    if (alive) child.kill("SIGTERM");
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  process.on("SIGTERM", () => {
    stop();
    process.exit(143);
  });
  console.log(`Building and starting the development server on ${base} (log: ${path.relative(root, logFile)}) …`);
  const up = await waitForServer(base, PAGES, { isAlive: () => alive });
  if (!up.ok) {
    console.error(
      `\nThe development server did not come up on ${base} (answers: ${PAGES.map((p, i) => `${p} → ${up.codes[i] ?? "no answer"}`).join(", ")}).`,
    );
    console.error(`Last lines of ${path.relative(root, logFile)}:\n${tail(logFile)}`);
    stop();
    fs.rmSync(pidFile, { force: true });
    process.exit(1);
  }
  return { child, alive: () => alive };
}

async function main() {
  await checkPort();
  if (!run("npm", ["run", "--silent", "build:cli"])) {
    console.error("npm start: compiling the engine (npm run build:cli) failed; see above.");
    process.exit(1);
  }
  const desktop = (process.platform === "win32" || process.platform === "darwin") && hasDebugging();
  if (desktop) {
    // Trusted localhost certificates for Excel desktop (this prompts once), then sideload with the dev server.
    run("npx", ["office-addin-dev-certs", "install"]);
    run("npx", [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      String(port),
    ]);
    // office-addin-debugging exits 0 even when it fails: check the server ourselves.
    const up = await waitForServer(base, PAGES, { timeoutMs: 120000 });
    if (!up.ok) {
      console.error(`\nThe add-in is not being served on ${base}; office-addin-debugging's output above says why.`);
      process.exit(1);
    }
    console.log(
      `\nServing on ${base} (checked). office-addin-debugging has been asked to sideload manifest.xml into Excel;`,
    );
    console.log(
      "if Excel did not open with the Qualis button on the Home tab, see docs/user-guide.md#sideloading. Stop with `npm stop`.",
    );
    return;
  }
  if (process.platform !== "linux") {
    console.log(
      "office-addin-debugging is not installed on this machine, so Excel desktop cannot be sideloaded automatically.",
    );
  }
  const server = await serveAndInstruct();
  console.log(webInstructions());
  await new Promise((resolve) => server.child.on("exit", resolve));
  if (fs.existsSync(stopFile) && fs.readFileSync(stopFile, "utf8").trim() === String(server.child.pid)) {
    fs.rmSync(stopFile, { force: true });
    console.log("The development server was stopped by `npm stop`.");
    process.exit(0);
  }
  console.error(`The development server stopped unexpectedly; last lines of ${path.relative(root, logFile)}:`);
  console.error(tail(logFile));
  fs.rmSync(pidFile, { force: true });
  process.exit(1);
}

main().catch((e) => {
  console.error(`npm start failed: ${e.stack || e}`);
  process.exit(1);
});
