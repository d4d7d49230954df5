/**
 * Jest: ts-jest over one test tree (tests/), mirroring src/. Browser tests live in tests/e2e and run separately, as
 * do the real-data tests and the load test (jest.reliability.config.js, which also runs the properties at 10,000
 * cases per target where this runs 100). tsconfig.json sets isolatedModules, so ts-jest transpiles each file without
 * a type check: types are checked once, by `npm run lint` (tsc --noEmit), as in the webpack build.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/e2e/", "<rootDir>/tests/real/", "<rootDir>/tests/load/"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    "^@microsoft/app-manifest$": "<rootDir>/tests/support/app-manifest-stub.js",
    "^uuid$": "<rootDir>/tests/support/uuid-stub.js",
  },
  setupFiles: ["<rootDir>/tests/support/custom-functions-global.ts"],
  // A hang detector, not a speed check (performance is measured by npm run bench): suites that run the CLI or read a
  // 65,540-entry archive take seconds, and a CI machine at load 8 must not turn that into a failure.
  testTimeout: 30_000,
};
