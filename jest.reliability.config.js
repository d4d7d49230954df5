/**
 * The reliability suites at full strength: `npm run test:property` (10,000 generated cases per target),
 * `npm run test:faults` (a local snapshot server that misbehaves) and `npm run test:load` (20,000 calls in flight
 * while the snapshot changes). `npm test` runs the properties briefly and the faults as they are, not the load.
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  testPathIgnorePatterns: ["/node_modules/"],
  globals: { __QUALIS_PROPERTY_RUNS__: 10_000 },
};
