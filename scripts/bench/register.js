// Lets plain node run the project's TypeScript outside jest, for scripts that measure it (npm run bench,
// scripts/measure-scoring.js): sources are transpiled in memory by the project's own compiler with tsconfig.json's
// options (no type check: `npx tsc` does that), jest.config.js's module stand-ins apply, and the CustomFunctions
// global that Excel's runtime provides is the tests' stand-in (tests/support/custom-functions-global.ts).
const fs = require("fs");
const Module = require("module");
const path = require("path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..", "..");

const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
const compilerOptions = {
  ...options,
  module: ts.ModuleKind.CommonJS,
  sourceMap: false,
  inlineSourceMap: false,
  noEmit: false,
};

for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = (module, filename) => {
    const out = ts.transpileModule(fs.readFileSync(filename, "utf8"), { compilerOptions, fileName: filename });
    module._compile(out.outputText, filename);
  };
}

// jest.config.js's moduleNameMapper: office-addin-mock's ESM-only and undeclared dependencies (docs/development.md).
const { moduleNameMapper } = require(path.join(ROOT, "jest.config.js"));
const mapped = Object.entries(moduleNameMapper).map(([pattern, target]) => [
  new RegExp(pattern),
  target.replace("<rootDir>", ROOT),
]);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const hit = mapped.find(([re]) => re.test(request));
  return resolve.call(this, hit ? hit[1] : request, ...rest);
};

require(path.join(ROOT, "tests", "support", "custom-functions-global.ts"));
