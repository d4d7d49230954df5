// Stand-in for uuid@14 (ESM-only), pulled in by office-addin-manifest under office-addin-mock; jest's CommonJS
// runtime on Node 20 cannot require it (docs/development.md). Only v4 is ever called, so node's crypto serves.
const { randomUUID } = require("crypto");
module.exports = { v4: () => randomUUID() };
