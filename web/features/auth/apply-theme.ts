import { THEMES, type Theme } from "./read-preferences";

const STORAGE_KEY = "mewayz.theme";

/**
 * Puts the chosen theme on <html>: styles.css switches its colours on data-theme, and
 * "system" follows the operating system through prefers-color-scheme. The choice is also
 * kept on this device, so the next visit starts in it instead of flashing light first.
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  // Form controls and scrollbars follow color-scheme, not our variables.
  root.style.colorScheme = theme === "system" ? "light dark" : theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage may be off (private mode, a policy): the theme still applies to this visit.
  }
}

/** The theme this device showed last, for the moments before (or without) a signed-in user. */
export function rememberedTheme(): Theme {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return THEMES.find((theme) => theme === stored) ?? "system";
  } catch {
    return "system";
  }
}
