// The development base URL and its production replacement, shared by webpack, the manifest checker and tests.
const DEV_URL = "https://localhost:3000/";
/** Documented default; set QUALIS_PROD_URL to the https base where dist/ is hosted. */
const DEFAULT_PROD_URL = "https://addin.qualis.example/";

function productionUrl() {
  const raw = process.env.QUALIS_PROD_URL || DEFAULT_PROD_URL;
  const url = new URL(raw);
  if (url.protocol !== "https:") throw new Error(`QUALIS_PROD_URL must be https (got ${raw})`);
  if (/^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname))
    throw new Error(`QUALIS_PROD_URL must not be localhost (got ${raw})`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Replaces every occurrence (the office template's step replaced only the first). */
function rewriteDevUrls(text, prodUrl) {
  return text.split(DEV_URL).join(prodUrl);
}

module.exports = { DEV_URL, DEFAULT_PROD_URL, productionUrl, rewriteDevUrls };
