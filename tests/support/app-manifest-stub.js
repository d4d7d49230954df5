// Stand-in for @microsoft/app-manifest under jest. office-addin-mock -> office-addin-manifest -> app-manifest
// needs fs-extra (undeclared) and the ESM-only node-fetch@3, which jest's CommonJS runtime cannot load
// (docs/development.md). The mock never uses the unified-manifest code, so an empty module is enough.
module.exports = {};
