#!/usr/bin/env node
// npm run bench (node --expose-gc scripts/bench/run.js [--quick]): see scripts/bench/bench.ts and
// docs/development.md (Benchmark). Needs the production build in dist/ (`npm run build`) for the size figures.
require("./register");
require("./bench.ts").run();
