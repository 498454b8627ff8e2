import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  needsScrim,
  PRESET_NAMES,
  resolveTheme,
  themeCss,
  themeWarnings,
} from "../../worker/features/bio/bio-theme";
import { renderBioPage } from "../../worker/features/bio/render-bio-page";

const lightVar = (css: string, name: string) => new RegExp(`--bio-${name}:([^;}]+)`).exec(css)?.[1] ?? "";

/** The colour a panel of `color` at 90% shows over `under`. */
const over = (color: string, under: string) => {
  const [a, b] = [color, under].map((c) => Number.parseInt(c.slice(1), 16));
  const channel = (shift: number) =>
    Math.round((((a as number) >> shift) & 255) * 0.9 + (((b as number) >> shift) & 255) * 0.1);
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, "0")).join("")}`;
};

describe("bio page themes", () => {
  it("turns every preset into CSS variables with a dark variant where it has one", () => {
    for (const preset of PRESET_NAMES) {
      const theme = resolveTheme({ preset });
      const css = themeCss(theme, null);
      expect(css).toMatch(/^\.bio-root\{--bio-bg:#[0-9a-f]{6};--bio-text:#[0-9a-f]{6};/);
      expect(css.includes("@media (prefers-color-scheme:dark)")).toBe(theme.dark_mode === "auto");
      // Every preset reads well: text and buttons reach AA, light and dark.
      expect(themeWarnings(theme), preset).toEqual([]);
      // Their gradients read from end to end without a panel behind the text.
      expect(needsScrim(theme, false), preset).toBe(false);
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

  it("checks text against both ends of a gradient", () => {
    // Grey text reads on white, not on the grey the gradient ends in.
    const theme = resolveTheme({
      background_type: "gradient",
      background_color: "#ffffff",
      gradient_to: "#9ca3af",
      text_color: "#6b7280",
    });
    const css = themeCss(theme, null);
    const text = lightVar(css, "text");
    for (const end of ["#ffffff", "#9ca3af"]) {
      expect(contrastRatio(text, end), end).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(lightVar(css, "muted"), end), end).toBeGreaterThanOrEqual(4.5);
    }
    expect(needsScrim(theme, false)).toBe(false);
    expect(themeWarnings(theme)).toEqual([expect.objectContaining({ field: "text_color" })]);
    expect(themeWarnings(theme)[0]?.message).toContain("gradient");
  });

  it("puts a panel behind the text where no colour reads on the whole gradient", () => {
    const theme = resolveTheme({
      background_type: "gradient",
      background_color: "#ffffff",
      gradient_to: "#000000",
      dark_mode: "off",
    });
    expect(needsScrim(theme, false)).toBe(true);
    const css = themeCss(theme, null);
    expect(lightVar(css, "scrim")).toBe("rgba(255,255,255,0.9)");
    // The panel is white at 90%: over the gradient's darkest end it is still nearly white.
    const text = lightVar(css, "text");
    for (const under of ["#ffffff", "#000000"]) {
      expect(contrastRatio(text, over("#ffffff", under)), under).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("puts a panel behind the text on a background image, light and dark", () => {
    const pageId = "0190a0b0-0000-7000-8000-000000000001";
    const image = `/bio-media/${pageId}/${"a".repeat(32)}.webp`;
    const theme = resolveTheme({ background_type: "image", background_color: "#777777", text_color: "#888888" });
    expect(needsScrim(theme, true)).toBe(true);
    // Without an uploaded image the background is the plain colour: no panel needed.
    expect(needsScrim(theme, false)).toBe(false);
    const css = themeCss(theme, image);
    expect(lightVar(css, "scrim")).toBe("rgba(119,119,119,0.9)");
    expect(css.split("--bio-scrim:rgba(").length - 1).toBe(2); // light and dark
    const text = lightVar(css, "text");
    for (const under of ["#000000", "#ffffff"]) {
      expect(contrastRatio(text, over("#777777", under)), under).toBeGreaterThan(contrastRatio("#888888", "#777777"));
    }
    const { html } = renderBioPage(
      {
        id: pageId,
        title: "On a photo",
        bio: "Read me",
        profile_picture: null,
        background_image: image,
        theme: { background_type: "image" },
        links: [],
        seo_title: null,
        seo_description: null,
      },
      { now: new Date(), pageUrl: "https://mewayz.com/photo", css: "" },
    );
    expect(html).toMatch(/<body class="[^"]*\bbio-scrim\b/);
    expect(html).toContain(".bio-scrim .bio-header");
  });
});
