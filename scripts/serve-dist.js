#!/usr/bin/env node
// `npm run serve:dist`: serves dist/ with the headers a production host must send (docs/deployment.md#what-the-host-serves),
// so a local check sees what Excel on the web will: CORS on functions.json and the scripts (Excel fetches them from
// another origin), `application/json` for functions.json, and Cache-Control that makes Excel and browsers revalidate
// the pages, scripts and JSON (their names are stable: a deploy must reach users at once). Plain http on 127.0.0.1:
// point `curl -I` at it, or put it behind an https proxy. The development server sends CORS on everything, so it
// would hide a host that forgets it.
//
//   node scripts/serve-dist.js [--port 3100] [--dir dist] [--origin *]
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** The headers a production host sends for `name` (a path under dist/). */
function headersFor(name, origin = "*") {
  const ext = path.extname(name).toLowerCase();
  const h = { "Content-Type": TYPES[ext] ?? "application/octet-stream", "X-Content-Type-Options": "nosniff" };
  // Excel on the web reads functions.json and the function script cross-origin; a snapshot is read by the page.
  if ([".js", ".json"].includes(ext)) h["Access-Control-Allow-Origin"] = origin;
  // Stable names: revalidate every time (an unchanged file answers 304), so a deploy never mixes versions for long.
  h["Cache-Control"] = [".html", ".js", ".json", ".xml", ".css"].includes(ext) ? "no-cache" : "public, max-age=86400";
  return h;
}

function createDistServer(dir, origin = "*") {
  const root = path.resolve(dir);
  return http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "taskpane.html";
    const file = path.resolve(root, name);
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
        "Access-Control-Max-Age": "600",
      });
      return res.end();
    }
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      return res.end("not found\n");
    }
    res.writeHead(200, headersFor(name, origin));
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(file).pipe(res);
  });
}

module.exports = { headersFor, createDistServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (flag, dflt) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : dflt);
  const dir = opt("--dir", path.resolve(__dirname, "..", "dist"));
  if (!fs.existsSync(path.join(dir, "functions.json"))) {
    console.error(`serve:dist: ${dir} holds no build: run \`npm run build\` first.`);
    process.exit(1);
  }
  const port = Number(opt("--port", "3100"));
  createDistServer(dir, opt("--origin", "*")).listen(port, "127.0.0.1", () =>
    console.log(`Serving ${dir} at http://127.0.0.1:${port}/ with production headers (Ctrl+C stops).`),
  );
}
