/**
 * `npm run test:unit`: the edit loop. The suites of `npm test` that need no build, no child process and no local
 * server: everything but the production build (tests/build/web-build.test.ts), the fault-injection server
 * (tests/faults/faults.test.ts), the custom-functions-metadata generator run and the eslint rule runs. `npm test`
 * (and CI) still runs them all.
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  testPathIgnorePatterns: [
    ...base.testPathIgnorePatterns,
    "<rootDir>/tests/build/web-build.test.ts",
    "<rootDir>/tests/faults/faults.test.ts",
    "<rootDir>/tests/reference/functions-json.test.ts",
    "<rootDir>/tests/security/eslint-rules.test.ts",
  ],
};
