import { WorkspaceMark } from "./workspace-mark";

type Colors = { primary_color: string; accent_color: string; background_color: string; text_color: string };

const HEX = /^#[0-9a-f]{6}$/i;
const safe = (value: string, fallback: string) => (HEX.test(value) ? value : fallback);

/** White or near-black, whichever reads better on `hex` (WCAG relative luminance). */
export function readableOn(hex: string): string {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return luminance > 0.4 ? "#18181b" : "#ffffff";
}

/** A small link-in-bio page in the chosen colours, font and logo, redrawn as they change. Decorative. */
export function BrandPreview(props: {
  name: string;
  description: string | null;
  logo: string | null;
  branding: Colors;
  fontStack: string;
}) {
  const primary = () => safe(props.branding.primary_color, "#4f46e5");
  const accent = () => safe(props.branding.accent_color, "#ec4899");
  const background = () => safe(props.branding.background_color, "#ffffff");
  const text = () => safe(props.branding.text_color, "#18181b");
  return (
    <figure class="brand-preview" data-testid="brand-preview">
      <div
        class="brand-preview__page"
        style={{ background: background(), color: text(), "font-family": props.fontStack }}
        aria-hidden="true"
      >
        <WorkspaceMark name={props.name} logo={props.logo} color={primary()} size={52} />
        <p class="brand-preview__name">{props.name}</p>
        <p class="brand-preview__bio">{props.description || "Links, courses and products in one place."}</p>
        <span class="brand-preview__badge" style={{ background: accent(), color: readableOn(accent()) }}>
          New
        </span>
        <span class="brand-preview__link" style={{ background: primary(), color: readableOn(primary()) }}>
          Latest video
        </span>
        <span class="brand-preview__link" style={{ background: primary(), color: readableOn(primary()) }}>
          Shop my picks
        </span>
        <span
          class="brand-preview__link brand-preview__link--outline"
          style={{ "border-color": primary(), color: primary() }}
        >
          Join the newsletter
        </span>
      </div>
      <figcaption class="field__hint">Preview of your link-in-bio page</figcaption>
    </figure>
  );
}
