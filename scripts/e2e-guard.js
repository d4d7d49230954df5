#!/usr/bin/env node
// Runs before `npm run test:e2e` collects any suite: without a build in dist/ it refuses in one line (rather than
// each suite failing on a missing file); with a build older than the sources it says so and goes on.
const fs = require("fs");
const path = require("path");
const { DIST, freshBuild } = require("./web-build");

if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
  console.error(
    "npm run test:e2e: there is no build in dist/: run `node scripts/web-build.js --if-stale` first (it builds for the tests' stand-in host unless QUALIS_PROD_URL is set).",
  );
  process.exit(1);
}
if (!freshBuild())
  console.error(
    "npm run test:e2e: note: dist/ is not the production build of the current sources (`node scripts/web-build.js --if-stale` makes it); testing it as it is.",
  );
