// A bio page's look: a typed theme (preset, colours, font, buttons, background,
// layout), turned into CSS custom properties, with a dark variant for visitors whose
// device asks for one. Pure, so the builder's preview uses the very same rules.
import { z } from "zod";

const hex = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "Use a colour like #4f46e5.")
  .transform(expandHex);

export const FONTS = {
  Inter: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  System: 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  Serif: 'ui-serif, Georgia, Cambria, "Times New Roman", serif',
  Mono: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  Rounded: 'ui-rounded, "SF Pro Rounded", "Nunito", system-ui, sans-serif',
  Condensed: '"Arial Narrow", "Roboto Condensed", "Helvetica Neue", Arial, sans-serif',
} as const;
export type FontName = keyof typeof FONTS;
const FONT_NAMES = Object.keys(FONTS) as [FontName, ...FontName[]];

export const BUTTON_SHAPES = ["square", "rounded", "pill"] as const;
export const BUTTON_STYLES = ["fill", "outline", "soft", "shadow"] as const;
export const LAYOUTS = ["stack", "grid"] as const;
export const BACKGROUNDS = ["color", "gradient", "image"] as const;

const palette = {
  background_color: hex,
  text_color: hex,
  button_color: hex,
  button_text_color: hex,
};

export const PRESET_NAMES = ["minimal", "midnight", "sunset", "forest", "ocean", "paper"] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** The theme as stored in `theme` and accepted by the API; every field optional, the preset fills the rest. */
export const ThemeInput = z
  .object({
    preset: z.enum(PRESET_NAMES).optional(),
    ...Object.fromEntries(Object.entries(palette).map(([k, v]) => [k, v.optional()])),
    font: z.enum(FONT_NAMES).optional(),
    button_shape: z.enum(BUTTON_SHAPES).optional(),
    // The Mewayz platform stored the shape here ("rounded"); both spellings are read.
    button_style: z.enum([...BUTTON_STYLES, ...BUTTON_SHAPES]).optional(),
    background_type: z.enum(BACKGROUNDS).optional(),
    gradient_to: hex.optional(),
    gradient_angle: z.number().int().min(0).max(360).optional(),
    layout: z.enum(LAYOUTS).optional(),
    dark_mode: z.enum(["auto", "off"]).optional(),
    dark: z.object(palette).partial().strict().optional(),
  })
  .strict();
export type ThemeInput = {
  preset?: PresetName;
  background_color?: string;
  text_color?: string;
  button_color?: string;
  button_text_color?: string;
  font?: FontName;
  button_shape?: (typeof BUTTON_SHAPES)[number];
  button_style?: (typeof BUTTON_STYLES)[number] | (typeof BUTTON_SHAPES)[number];
  background_type?: (typeof BACKGROUNDS)[number];
  gradient_to?: string;
  gradient_angle?: number;
  layout?: (typeof LAYOUTS)[number];
  dark_mode?: "auto" | "off";
  dark?: Partial<Palette>;
};

export type Palette = { background_color: string; text_color: string; button_color: string; button_text_color: string };

export type Theme = Palette & {
  preset: PresetName;
  font: FontName;
  button_shape: (typeof BUTTON_SHAPES)[number];
  button_style: (typeof BUTTON_STYLES)[number];
  background_type: (typeof BACKGROUNDS)[number];
  gradient_to: string;
  gradient_angle: number;
  layout: (typeof LAYOUTS)[number];
  dark_mode: "auto" | "off";
  dark: Palette;
};

type PresetSpec = Omit<Theme, "preset" | "dark"> & { dark?: Palette };

export const PRESETS: Record<PresetName, PresetSpec> = {
  minimal: {
    background_color: "#ffffff",
    text_color: "#111827",
    button_color: "#111827",
    button_text_color: "#ffffff",
    font: "Inter",
    button_shape: "rounded",
    button_style: "fill",
    background_type: "color",
    gradient_to: "#f3f4f6",
    gradient_angle: 180,
    layout: "stack",
    dark_mode: "auto",
  },
  midnight: {
    background_color: "#0f172a",
    text_color: "#e2e8f0",
    button_color: "#4f46e5",
    button_text_color: "#ffffff",
    font: "System",
    button_shape: "pill",
    button_style: "fill",
    background_type: "gradient",
    gradient_to: "#1e1b4b",
    gradient_angle: 160,
    layout: "stack",
    dark_mode: "off",
  },
  sunset: {
    background_color: "#fff7ed",
    text_color: "#431407",
    button_color: "#c2410c",
    button_text_color: "#ffffff",
    font: "Rounded",
    button_shape: "pill",
    button_style: "shadow",
    background_type: "gradient",
    gradient_to: "#fecdd3",
    gradient_angle: 200,
    layout: "stack",
    dark_mode: "auto",
  },
  forest: {
    background_color: "#f0fdf4",
    text_color: "#14532d",
    button_color: "#15803d",
    button_text_color: "#ffffff",
    font: "Serif",
    button_shape: "rounded",
    button_style: "soft",
    background_type: "color",
    gradient_to: "#dcfce7",
    gradient_angle: 180,
    layout: "stack",
    dark_mode: "auto",
  },
  ocean: {
    background_color: "#ecfeff",
    text_color: "#083344",
    button_color: "#0e7490",
    button_text_color: "#ffffff",
    font: "System",
    button_shape: "square",
    button_style: "outline",
    background_type: "gradient",
    gradient_to: "#cffafe",
    gradient_angle: 180,
    layout: "grid",
    dark_mode: "auto",
  },
  paper: {
    background_color: "#fdf8f3",
    text_color: "#1f2933",
    button_color: "#4f46e5",
    button_text_color: "#ffffff",
    font: "Inter",
    button_shape: "rounded",
    button_style: "fill",
    background_type: "color",
    gradient_to: "#f5efe6",
    gradient_angle: 180,
    layout: "stack",
    dark_mode: "auto",
  },
};

export function expandHex(value: string): string {
  const v = value.toLowerCase();
  return v.length === 4 ? `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}` : v;
}

const rgbOf = (color: string) => {
  const n = Number.parseInt(expandHex(color).slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255] as const;
};

const toHex = (rgb: readonly number[]) =>
  `#${rgb
    .map((c) =>
      Math.round(Math.max(0, Math.min(255, c)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;

const mix = (a: string, b: string, weight: number) => {
  const [x, y] = [rgbOf(a), rgbOf(b)];
  return toHex(x.map((c, i) => c * (1 - weight) + (y[i] ?? 0) * weight));
};

/** WCAG 2 relative luminance. */
export function luminance(color: string): number {
  const [r, g, b] = rgbOf(color).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** How well a colour reads on the worst of the surfaces it sits on. */
const worstContrast = (color: string, surfaces: readonly string[]) =>
  Math.min(...surfaces.map((surface) => contrastRatio(color, surface)));

/** The colour (near-black or white) that reads best on every surface. */
const readableOn = (surfaces: readonly string[]) =>
  worstContrast("#111827", surfaces) >= worstContrast("#ffffff", surfaces) ? "#111827" : "#ffffff";

/** Text that does not reach AA on each of its surfaces is replaced by one that does: a visitor must be able to read it. */
const legible = (text: string, surfaces: readonly string[]) =>
  worstContrast(text, surfaces) >= MIN_CONTRAST ? text : readableOn(surfaces);

/**
 * How opaque the panel behind text is where the background alone cannot carry it (an
 * image, a gradient no colour reads on end to end): the background colour, nearly solid.
 */
const SCRIM_ALPHA = 0.9;

/**
 * What the page's text sits on, for one palette: the background colour; both ends of a
 * gradient; or, over an image or a gradient no text colour reads on from end to end, a
 * panel of the background colour (`scrim`), judged over the darkest and lightest that
 * could show through it.
 */
function surfacesOf(p: Palette, background: "color" | "gradient" | "image", gradientTo: string) {
  const bg = p.background_color;
  if (background === "gradient") {
    const ends = [bg, gradientTo];
    if (worstContrast(legible(p.text_color, ends), ends) >= MIN_CONTRAST) return { surfaces: ends, scrim: false };
    return { surfaces: [bg, mix(bg, gradientTo, 1 - SCRIM_ALPHA)], scrim: true };
  }
  if (background === "image") {
    return { surfaces: [mix(bg, "#000000", 1 - SCRIM_ALPHA), mix(bg, "#ffffff", 1 - SCRIM_ALPHA)], scrim: true };
  }
  return { surfaces: [bg], scrim: false };
}

/** The page's background as drawn, light and dark: an image only when there is one to show. */
function backgrounds(theme: Theme, hasImage: boolean) {
  const image = theme.background_type === "image" && hasImage;
  return {
    light: image
      ? ("image" as const)
      : theme.background_type === "gradient"
        ? ("gradient" as const)
        : ("color" as const),
    // The dark variant keeps an image but draws a plain colour instead of the gradient.
    dark: image ? ("image" as const) : ("color" as const),
  };
}

/** Whether the page puts a panel behind its text (light or dark): the body then carries `bio-scrim`. */
export function needsScrim(theme: Theme, hasImage: boolean): boolean {
  const kinds = backgrounds(theme, hasImage);
  return (
    surfacesOf(theme, kinds.light, theme.gradient_to).scrim ||
    (theme.dark_mode === "auto" && surfacesOf(theme.dark, kinds.dark, theme.gradient_to).scrim)
  );
}

function darkVariant(light: Palette): Palette {
  const background = luminance(light.background_color) < 0.2 ? light.background_color : "#0b0f19";
  const button = luminance(light.button_color) > 0.6 ? mix(light.button_color, "#000000", 0.4) : light.button_color;
  return {
    background_color: background,
    text_color: luminance(light.text_color) > 0.6 ? light.text_color : "#f3f4f6",
    button_color: button,
    button_text_color: light.button_text_color,
  };
}

/**
 * A complete theme from whatever is stored: the preset's values under the stored ones.
 * Values that do not validate (an old row, a hand-edited import) fall back to the
 * preset rather than reaching the page.
 */
export function resolveTheme(stored: unknown): Theme {
  const parsed = ThemeInput.safeParse(stored ?? {});
  const input: ThemeInput = parsed.success ? (parsed.data as ThemeInput) : {};
  const preset = input.preset ?? "minimal";
  const base = PRESETS[preset];
  const legacyShape = (BUTTON_SHAPES as readonly string[]).includes(input.button_style ?? "")
    ? (input.button_style as Theme["button_shape"])
    : undefined;
  const light: Palette = {
    background_color: input.background_color ?? base.background_color,
    text_color: input.text_color ?? base.text_color,
    button_color: input.button_color ?? base.button_color,
    button_text_color: input.button_text_color ?? base.button_text_color,
  };
  return {
    ...base,
    ...light,
    preset,
    font: input.font ?? base.font,
    button_shape: input.button_shape ?? legacyShape ?? base.button_shape,
    button_style: legacyShape
      ? base.button_style
      : ((input.button_style as Theme["button_style"]) ?? base.button_style),
    background_type: input.background_type ?? base.background_type,
    gradient_to: input.gradient_to ?? base.gradient_to,
    gradient_angle: input.gradient_angle ?? base.gradient_angle,
    layout: input.layout ?? base.layout,
    dark_mode: input.dark_mode ?? base.dark_mode,
    dark: { ...(base.dark ?? darkVariant(light)), ...input.dark },
  };
}

export type ThemeWarning = { field: string; message: string; ratio: number };

/** Colour pairs below AA, for the builder to show; the page itself uses legible replacements. */
export function themeWarnings(theme: Theme, hasImage = false): ThemeWarning[] {
  const kinds = backgrounds(theme, hasImage);
  const light = surfacesOf(theme, kinds.light, theme.gradient_to);
  const textOn = (field: string, color: string, surfaces: { surfaces: string[]; scrim: boolean }, what: string) => ({
    field,
    ratio: worstContrast(color, surfaces.surfaces),
    what: surfaces.scrim ? `${what} (on the panel behind it)` : what,
  });
  const pairs = [
    textOn(
      "text_color",
      theme.text_color,
      light,
      kinds.light === "gradient" ? "Text on the gradient" : "Text on the background",
    ),
    textOn(
      "button_text_color",
      theme.button_text_color,
      { surfaces: [theme.button_color], scrim: false },
      "Button text on the button colour",
    ),
  ];
  if (theme.dark_mode === "auto") {
    const dark = surfacesOf(theme.dark, kinds.dark, theme.gradient_to);
    pairs.push(
      textOn("dark.text_color", theme.dark.text_color, dark, "Dark mode: text on the background"),
      textOn(
        "dark.button_text_color",
        theme.dark.button_text_color,
        { surfaces: [theme.dark.button_color], scrim: false },
        "Dark mode: button text",
      ),
    );
  }
  return pairs
    .filter((p) => p.ratio < MIN_CONTRAST)
    .map((p) => ({
      field: p.field,
      ratio: Math.round(p.ratio * 100) / 100,
      message: `${p.what} has a contrast of ${p.ratio.toFixed(2)}:1, below the 4.5:1 people need to read it; the page uses a readable colour instead.`,
    }));
}

const rgba = (color: string, alpha: number) => `rgba(${rgbOf(color).join(",")},${alpha})`;

const paletteVars = (p: Palette, on: { surfaces: string[]; scrim: boolean }) => {
  const bg = p.background_color;
  const text = legible(p.text_color, on.surfaces);
  const muted = mix(text, bg, 0.3);
  const buttonText = legible(p.button_text_color, [p.button_color]);
  const soft = mix(p.button_color, bg, 0.82);
  return [
    `--bio-bg:${bg}`,
    `--bio-text:${text}`,
    // Softer text only where it still reads on every surface.
    `--bio-muted:${worstContrast(muted, on.surfaces) >= MIN_CONTRAST ? muted : text}`,
    `--bio-button:${p.button_color}`,
    `--bio-button-text:${buttonText}`,
    `--bio-soft:${soft}`,
    `--bio-soft-text:${legible(p.button_color, [soft])}`,
    `--bio-outline-text:${legible(p.button_color, on.surfaces)}`,
    `--bio-focus:${legible(p.button_color, on.surfaces)}`,
    `--bio-scrim:${on.scrim ? rgba(bg, SCRIM_ALPHA) : "transparent"}`,
  ].join(";");
};

const RADIUS = { square: "4px", rounded: "12px", pill: "999px" } as const;

/**
 * The theme as CSS custom properties on the page root, plus the dark variant under
 * prefers-color-scheme. Every value comes from a validated enum or a #rrggbb colour,
 * so nothing a person typed reaches the stylesheet unchecked.
 */
export function themeCss(theme: Theme, backgroundImageUrl: string | null): string {
  const kinds = backgrounds(theme, backgroundImageUrl !== null);
  const background =
    kinds.light === "gradient"
      ? `linear-gradient(${theme.gradient_angle}deg,var(--bio-bg),${theme.gradient_to})`
      : kinds.light === "image"
        ? `var(--bio-bg) url("${backgroundImageUrl}") center/cover no-repeat`
        : "var(--bio-bg)";
  const light = paletteVars(theme, surfacesOf(theme, kinds.light, theme.gradient_to));
  const root = `.bio-root{${light};--bio-radius:${RADIUS[theme.button_shape]};--bio-font:${FONTS[theme.font]};--bio-background:${background}}`;
  if (theme.dark_mode !== "auto") return root;
  const darkBackground =
    kinds.dark === "image" ? `var(--bio-bg) url("${backgroundImageUrl}") center/cover no-repeat` : "var(--bio-bg)";
  const dark = paletteVars(theme.dark, surfacesOf(theme.dark, kinds.dark, theme.gradient_to));
  return `${root}@media (prefers-color-scheme:dark){.bio-root{${dark};--bio-background:${darkBackground}}}`;
}
