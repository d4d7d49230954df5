// Asks the dev server for a page over https, accepting its development certificate. Resolves to the HTTP status,
// or to null when nothing answers.
const https = require("https");

function probe(url, timeoutMs = 3000) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

async function waitForServer(base, paths, { timeoutMs = 180000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isAlive()) {
    const codes = await Promise.all(paths.map((p) => probe(base + p)));
    if (codes.every((c) => c === 200)) return { ok: true, codes };
    await new Promise((r) => setTimeout(r, 1000));
  }
  const codes = await Promise.all(paths.map((p) => probe(base + p)));
  return { ok: codes.every((c) => c === 200), codes };
}

module.exports = { probe, waitForServer };
