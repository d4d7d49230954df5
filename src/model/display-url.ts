// The one way a web address is shown — in a cell, a provenance block, the pane or an error message: its origin and
// path only. A signed URL's query (a token), its fragment and any `user:password@` are secrets the user never meant to
// print into a workbook (docs/security.md, class 3); the stored source keeps the full address to load from.

/** Where a query, a fragment or credentials would start in text that is not a readable URL. */
const SECRET_TAIL = /[?#].*$/s;
const USERINFO = /^([a-z][a-z0-9+.-]*:\/*)[^/?#]*@/i;

/** `https://host:port/path`, without credentials, query or fragment; text that is no URL is cut the same way. */
export function displayUrl(raw: string): string {
  const text = raw.trim();
  try {
    const u = new URL(text);
    // `origin` is "null" for schemes without one (file:, data:, blob:): show the scheme and path only.
    const origin = u.origin !== "null" ? u.origin : `${u.protocol}${u.host ? `//${u.host}` : ""}`;
    return `${origin}${u.pathname}`;
  } catch {
    return text
      .replace(SECRET_TAIL, "")
      .replace(USERINFO, "$1")
      .replace(/^[^/:]*@/, "");
  }
}

/** Anything in free text that looks like a URL (scheme://…) is shown by {@link displayUrl}. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>)\]]+/gi;

export const scrubUrls = (text: string): string =>
  text.replace(URL_IN_TEXT, (m) => {
    const shown = displayUrl(m);
    // "http://host:1" written without a path stays so: the URL parser's "/" is not in the text.
    return !/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i.test(m) && shown.endsWith("/") ? shown.slice(0, -1) : shown;
  });
