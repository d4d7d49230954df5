// Text from files that a person will read: company names, tickers, messages. Control characters (C0, DEL, C1 —
// ESC and CSI start terminal escape sequences), bidirectional overrides and isolates (they reorder what is shown),
// and invisible characters (zero-width space and joiners, soft hyphen, word joiner, byte-order mark) make text look
// like something it is not (docs/security.md). Names are cleaned of them; messages show them as <U+XXXX>.

/** Every character this module treats as hidden or controlling (one regex so a clean string costs one test). */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is this regex's whole purpose
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
const HIDDEN_ALL = new RegExp(HIDDEN.source, "g");
const LINE_BREAKS = /[\t\n\v\f\r\u0085]/g;

/** True when the text holds a control, bidirectional or invisible character. */
export function hasHiddenCharacters(s: string): boolean {
  return HIDDEN.test(s);
}

/** U+200B and the like: how a hidden character is named in a message. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A name or other display text cleaned: tabs and line breaks become spaces, other hidden characters go. */
export function cleanDisplayText(s: string): string {
  if (!HIDDEN.test(s)) return s;
  return s.replace(LINE_BREAKS, " ").replace(HIDDEN_ALL, "").replace(/ {2,}/g, " ").trim();
}

/** Text with every hidden character shown as <U+XXXX>, for messages that must name what was there. */
export function showHidden(s: string): string {
  if (!HIDDEN.test(s)) return s;
  return s.replace(HIDDEN_ALL, (ch) => `<${codePointName(ch)}>`);
}

/**
 * A line for a terminal or a pipe: tabs and line breaks stay (they lay the output out), every other hidden
 * character is shown as <U+XXXX>, so no escape sequence from the data reaches the screen or a redirected file.
 */
export function terminalSafe(s: string): string {
  if (!HIDDEN.test(s)) return s;
  return s.replace(HIDDEN_ALL, (ch) => (ch === "\n" || ch === "\t" ? ch : `<${codePointName(ch)}>`));
}
