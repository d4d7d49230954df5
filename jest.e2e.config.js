/** Browser tests (npm run test:e2e): Debian's Chromium against the production build in dist/. Not part of `npm test`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  maxWorkers: 1,
  testTimeout: 240_000,
};
