import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  PRESET_NAMES,
  resolveTheme,
  themeCss,
  themeWarnings,
} from "../../worker/features/bio/bio-theme";

describe("bio page themes", () => {
  it("turns every preset into CSS variables with a dark variant where it has one", () => {
    for (const preset of PRESET_NAMES) {
      const theme = resolveTheme({ preset });
      const css = themeCss(theme, null);
      expect(css).toMatch(/^\.bio-root\{--bio-bg:#[0-9a-f]{6};--bio-text:#[0-9a-f]{6};/);
      expect(css.includes("@media (prefers-color-scheme:dark)")).toBe(theme.dark_mode === "auto");
      // Every preset reads well: text and buttons reach AA, light and dark.
      expect(themeWarnings(theme), preset).toEqual([]);
    }
  });

  it("reads the Mewayz platform's stored themes", () => {
    const theme = resolveTheme({
      background_color: "#FDF8F3",
      text_color: "#1F2933",
      button_color: "#4F46E5",
      button_text_color: "#FFFFFF",
      button_style: "rounded",
      font: "Inter",
    });
    expect(theme).toMatchObject({
      background_color: "#fdf8f3",
      button_shape: "rounded",
      button_style: "fill",
      font: "Inter",
    });
  });

  it("replaces unreadable colours on the page and says so", () => {
    const theme = resolveTheme({
      background_color: "#ffffff",
      text_color: "#fafafa",
      button_color: "#ffff00",
      button_text_color: "#ffffff",
    });
    const css = themeCss(theme, null);
    const text = /--bio-text:(#[0-9a-f]{6})/.exec(css)?.[1] ?? "";
    const buttonText = /--bio-button-text:(#[0-9a-f]{6})/.exec(css)?.[1] ?? "";
    expect(contrastRatio(text, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(buttonText, "#ffff00")).toBeGreaterThanOrEqual(4.5);
    expect(themeWarnings(theme).map((w) => w.field)).toEqual(
      expect.arrayContaining(["text_color", "button_text_color"]),
    );
  });

  it("falls back to the preset for stored values that do not validate", () => {
    const theme = resolveTheme({ background_color: "red;}</style>", font: "<script>" });
    expect(theme.background_color).toBe("#ffffff");
    expect(theme.font).toBe("Inter");
  });
});
