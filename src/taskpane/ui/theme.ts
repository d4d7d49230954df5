// Office's light or dark look: Office.context.officeTheme where Office gives it (its body background tells which);
// outside Office (a plain browser, the browser tests) the system's preference.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";

/** True for a dark colour: relative luminance under one half. */
export function isDarkColor(color: string): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return false;
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

function officeDark(): boolean | null {
  const g = globalThis as { Office?: { context?: { officeTheme?: { bodyBackgroundColor?: string } } } };
  const bg = g.Office?.context?.officeTheme?.bodyBackgroundColor;
  return bg ? isDarkColor(bg) : null;
}

function systemDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

export function useOfficeTheme(): Theme {
  const [dark, setDark] = useState(() => officeDark() ?? systemDark());
  useEffect(() => {
    if (officeDark() !== null || typeof matchMedia !== "function") return;
    const q = matchMedia("(prefers-color-scheme: dark)");
    const on = () => setDark(q.matches);
    q.addEventListener("change", on);
    return () => q.removeEventListener("change", on);
  }, []);
  return dark ? webDarkTheme : webLightTheme;
}
