// The development base URL and its production replacement, shared by webpack, the web build, the manifest checker
// and tests. A production build needs the real https host of dist/ (docs/deployment.md#production-build): a reserved
// name (RFC 2606/6761: .example, .test, .invalid, localhost, example.com/net/org) never resolves, so a manifest
// pointing at one installs and then loads nothing.
const DEV_URL = "https://localhost:3000/";
/**
 * The stand-in host of the test suites' and CI's production build (tests and e2e read dist/ locally, never from it):
 * used only when QUALIS_PROD_URL is unset, by ensureBuild() (scripts/web-build.js), never by `npm run build`.
 */
const TEST_PROD_URL = "https://addin.qualis-smallcaps.com/";

const RESERVED_TLD = /(^|\.)(example|test|invalid|localhost|local)\.?$/i;
const RESERVED_NAME = /(^|\.)example\.(com|net|org)\.?$/i;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/;

/** Why `hostname` cannot be a production host, or null when it can. */
function reservedHostReason(hostname) {
  if (/^localhost$/i.test(hostname) || LOOPBACK.test(hostname)) return "is localhost";
  if (RESERVED_TLD.test(hostname) || RESERVED_NAME.test(hostname))
    return "is a reserved name that never resolves (.example, .test, .invalid, localhost)";
  if (!hostname.includes(".")) return "is not a public host name";
  return null;
}

/** The normalised base URL (https, trailing /) or an Error saying why `raw` cannot host a production build. */
function checkProductionUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`QUALIS_PROD_URL is not a URL (got ${raw})`);
  }
  if (url.protocol !== "https:") throw new Error(`QUALIS_PROD_URL must be https (got ${raw})`);
  const why = reservedHostReason(url.hostname);
  if (why === "is localhost") throw new Error(`QUALIS_PROD_URL must not be localhost (got ${raw})`);
  if (why) throw new Error(`QUALIS_PROD_URL's host ${url.hostname} ${why} (got ${raw})`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The production base from QUALIS_PROD_URL; throws, saying why, when it is unset or not a real https host. */
function productionUrl(env = process.env) {
  const raw = env.QUALIS_PROD_URL;
  if (!raw)
    throw new Error(
      "QUALIS_PROD_URL is not set: a production build writes it into every manifest and help URL, so it must be the " +
        "https address where dist/ will be hosted, e.g. QUALIS_PROD_URL=https://addin.yourfirm.com/ npm run build " +
        "(docs/deployment.md). For a local build use `npm start` or `npm run build:dev`.",
    );
  return checkProductionUrl(raw);
}

/** The tests' production base: QUALIS_PROD_URL when set (and valid), else TEST_PROD_URL. */
function testProductionUrl(env = process.env) {
  return env.QUALIS_PROD_URL ? productionUrl(env) : TEST_PROD_URL;
}

/** Replaces every occurrence (the office template's step replaced only the first). */
function rewriteDevUrls(text, prodUrl) {
  return text.split(DEV_URL).join(prodUrl);
}

module.exports = {
  DEV_URL,
  TEST_PROD_URL,
  reservedHostReason,
  checkProductionUrl,
  productionUrl,
  testProductionUrl,
  rewriteDevUrls,
};
