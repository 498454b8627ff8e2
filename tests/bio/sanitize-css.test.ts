import { describe, expect, it } from "vitest";
import { PAGE_ROOT, sanitizeCss } from "../../worker/features/bio/sanitize-css";
import { CSS_ATTACKS, FORBIDDEN_IN_CSS } from "./css-corpus";

const OWN_IMAGE = "/bio-media/00000000-0000-4000-8000-000000000000/0123456789abcdef0123456789abcdef.png";

/** Every top-level rule of the output, split at its outer braces. */
function topLevelRules(css: string): string[] {
  const rules: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === "{") depth++;
    if (css[i] === "}" && --depth === 0) {
      rules.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  return rules;
}

describe("the custom CSS sanitiser", () => {
  it.each(CSS_ATTACKS)("leaves nothing dangerous of %s", (attack) => {
    const { css, warnings } = sanitizeCss(attack, [OWN_IMAGE]);
    const lower = css.toLowerCase();
    for (const forbidden of FORBIDDEN_IN_CSS) expect(lower, `${forbidden} in ${css}`).not.toContain(forbidden);
    // Any url() left names this page's own upload.
    for (const match of css.matchAll(/url\(([^)]*)\)/g)) expect(match[1]).toBe(`"${OWN_IMAGE}"`);
    // Every kept rule is scoped under the page root.
    for (const rule of topLevelRules(css)) {
      expect(rule.startsWith(`${PAGE_ROOT} `) || rule.startsWith("@media ("), rule).toBe(true);
    }
    // Whatever was dropped is reported to the builder.
    if (css.length < attack.length / 2) expect(warnings.length).toBeGreaterThan(0);
  });

  it("keeps ordinary styling, scoped, and says what it dropped and where", () => {
    const source = [
      ".bio-link { border-radius: 0; color: #fff !important; background: linear-gradient(90deg, #f00, rgb(0 0 255)) }",
      "a:hover, .bio-title { letter-spacing: .05em; transform: translateY(-2px); width: calc(100% - 2px); border: 1px solid red }",
      "@media (max-width: 600px) { .bio-main { padding: 4px } }",
      `.bio-avatar { background-image: url(${OWN_IMAGE}) }`,
      "@import 'x.css';",
      ".bio-link { -moz-binding: url(x) }",
    ].join("\n");
    const { css, warnings } = sanitizeCss(source, [OWN_IMAGE]);
    expect(css).toContain(
      ".bio-root .bio-link{border-radius:0;color:#fff!important;background:linear-gradient(90deg,#f00,rgb(0 0 255))}",
    );
    expect(css).toContain(
      ".bio-root a:hover,.bio-root .bio-title{letter-spacing:.05em;transform:translatey(-2px);width:calc(100% - 2px);border:1px solid red}",
    );
    expect(css).toContain("@media (max-width: 600px){.bio-root .bio-main{padding:4px}}");
    expect(css).toContain(`url("${OWN_IMAGE}")`);
    expect(warnings).toEqual([
      { line: 5, message: "@import is not allowed; left out." },
      { line: 6, message: 'Declaration left out: the property "-moz-binding" is not allowed.' },
    ]);
  });

  it("refuses CSS over the size limit", () => {
    const { css, warnings } = sanitizeCss(`a{color:red}${" ".repeat(20_001)}`);
    expect(css).toBe("");
    expect(warnings[0]?.message).toMatch(/limited/);
  });
});
