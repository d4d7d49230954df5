#!/usr/bin/env node
// `npx qualis …`: the CLI compiled from src/cli by `npm run build:cli` (run by npm install's prepare step).
const fs = require("fs");
const path = require("path");

const entry = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("qualis: the CLI is not built yet. Run `npm run build:cli` (npm install does this).");
  process.exit(2);
}
// `qualis score | head`: the reader closed the pipe, which is not a failure of the command.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
