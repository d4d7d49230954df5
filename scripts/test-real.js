#!/usr/bin/env node
// `npm run test:real`: tests over the real files in ../shared/fixtures. They are not part of the project, so say
// plainly when they are not there instead of failing obscurely.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const fixtures = path.resolve(root, "..", "shared", "fixtures");
if (!fs.existsSync(fixtures)) {
  console.error(
    `npm run test:real needs the real-data fixtures at ${fixtures} (../shared/fixtures beside this project).`,
  );
  console.error("They are not in this repository by design; put the shared folder beside the clone and run again.");
  process.exit(1);
}
console.log(`Real-data tests over ${fixtures}`);
const jest = path.join(path.dirname(require.resolve("jest/package.json", { paths: [root] })), "bin", "jest.js");
const r = spawnSync(process.execPath, [jest, "--config", "jest.real.config.js", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
process.exit(r.status ?? 1);
