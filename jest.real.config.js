/** `npm run test:real`: the tests over ../shared/fixtures (real iShares and SEC files). */
const base = require("./jest.config");

module.exports = { ...base, roots: ["<rootDir>/tests/real"], testPathIgnorePatterns: ["/node_modules/"] };
