/// <reference path="./css-tree-modules.d.ts" />
// Custom CSS for a bio page, parsed with a real CSS parser (css-tree) and written out
// again from allow-lists only: known properties, simple selectors scoped under the
// page root, a few functions, and url() only to the page's own uploads. Nothing is
// copied through as text: every name is decoded from its escapes, checked, and
// re-emitted in its plain spelling, so no escape can smuggle `@import`, `expression(`
// or `</style>` past the checks. What was dropped comes back as warnings for the builder.
import type { Atrule, CssNode, Declaration, Rule } from "css-tree";
import parse from "css-tree/parser";
import { decodeCssEscapes } from "./decode-css-escapes";

export type CssWarning = { line: number | null; message: string };
export type SanitizedCss = { css: string; warnings: CssWarning[] };

export const MAX_CUSTOM_CSS = 20_000;

/** The element every kept rule is scoped under. */
export const PAGE_ROOT = ".bio-root";

const PROPERTIES = new Set([
  "color",
  "background",
  "background-color",
  "background-image",
  "background-position",
  "background-size",
  "background-repeat",
  "border",
  "border-color",
  "border-style",
  "border-width",
  "border-top",
  "border-right",
  "border-bottom",
  "border-left",
  "border-radius",
  "box-shadow",
  "text-shadow",
  "outline",
  "outline-color",
  "outline-offset",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
  "letter-spacing",
  "line-height",
  "text-align",
  "text-decoration",
  "text-transform",
  "margin",
  "margin-top",
  "margin-right",
  "margin-bottom",
  "margin-left",
  "padding",
  "padding-top",
  "padding-right",
  "padding-bottom",
  "padding-left",
  "gap",
  "width",
  "max-width",
  "min-width",
  "height",
  "max-height",
  "min-height",
  "opacity",
  "transform",
  "transition",
  "filter",
  "object-fit",
]);

const FUNCTIONS = new Set([
  "rgb",
  "rgba",
  "hsl",
  "hsla",
  "calc",
  "var",
  "min",
  "max",
  "clamp",
  "linear-gradient",
  "radial-gradient",
  "repeating-linear-gradient",
  "translate",
  "translatey",
  "translatex",
  "scale",
  "rotate",
  "blur",
  "brightness",
  "grayscale",
  "drop-shadow",
  "cubic-bezier",
]);

const ELEMENTS = new Set(["*", "a", "p", "h1", "img", "ul", "li", "span", "nav", "main", "header", "footer"]);
const PSEUDO_CLASSES = new Set(["hover", "focus", "focus-visible", "active", "first-child", "last-child"]);
const NAME = /^-?[a-z_][a-z0-9_-]*$/i;
const CUSTOM_PROPERTY = /^--[a-z0-9_-]{1,64}$/i;
const MEDIA = [
  /^\((?:min|max)-width:\s*\d{1,4}(?:px|em|rem)\)$/,
  /^\(prefers-color-scheme:\s*(?:dark|light)\)$/,
  /^\(prefers-reduced-motion:\s*(?:reduce|no-preference)\)$/,
];

class Refused extends Error {}

const lineOf = (node: CssNode) => node.loc?.start.line ?? null;
const nodes = (list: { toArray(): CssNode[] } | null | undefined): CssNode[] => (list ? list.toArray() : []);

function selectorText(selector: CssNode): string {
  let out = "";
  for (const node of selector.type === "Selector" ? nodes(selector.children) : [selector]) {
    switch (node.type) {
      case "TypeSelector": {
        const name = decodeCssEscapes(node.name).toLowerCase();
        if (!ELEMENTS.has(name)) throw new Refused(`the element selector "${name}" (not part of a bio page)`);
        out += name;
        break;
      }
      case "ClassSelector":
      case "IdSelector": {
        const name = decodeCssEscapes(node.name);
        if (!NAME.test(name)) throw new Refused("a class or id name with unusual characters");
        out += `${node.type === "ClassSelector" ? "." : "#"}${name}`;
        break;
      }
      case "PseudoClassSelector": {
        const name = decodeCssEscapes(node.name).toLowerCase();
        if (!PSEUDO_CLASSES.has(name) || node.children) throw new Refused(`the pseudo-class :${name}`);
        out += `:${name}`;
        break;
      }
      case "Combinator": {
        const name = node.name.trim() || " ";
        if (![">", "+", "~", " "].includes(name)) throw new Refused(`the combinator "${name}"`);
        out += name === " " ? " " : `${name}`;
        break;
      }
      case "AttributeSelector":
        throw new Refused("attribute selectors (they can read what the page contains and leak it)");
      default:
        throw new Refused(`a ${node.type} in a selector`);
    }
  }
  if (!out.trim()) throw new Refused("an empty selector");
  return `${PAGE_ROOT} ${out}`;
}

function stringToken(value: string): string {
  // Re-quoted from the decoded value: quotes and backslashes escaped, line breaks and "<" as hex escapes.
  return `"${value
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\n\r\f]/g, " ")
    .replace(/</g, "\\3c ")}"`;
}

/**
 * Siblings of a value, joined: the parser keeps no whitespace nodes, so a space goes
 * between two terms (`1px solid`) and none next to a comma or slash.
 */
function sequenceText(children: CssNode[], allowedUrls: ReadonlySet<string>): string {
  let out = "";
  children.forEach((child, i) => {
    const previous = children[i - 1];
    const tight = child.type === "Operator" || previous?.type === "Operator" || child.type === "WhiteSpace";
    if (i > 0 && !tight && previous?.type !== "WhiteSpace") out += " ";
    out += valueText(child, allowedUrls);
  });
  return out;
}

function valueText(node: CssNode, allowedUrls: ReadonlySet<string>): string {
  switch (node.type) {
    case "Value":
      return sequenceText(nodes(node.children), allowedUrls);
    case "Identifier": {
      const name = decodeCssEscapes(node.name);
      if (!NAME.test(name) && !CUSTOM_PROPERTY.test(name)) throw new Refused("a keyword with unusual characters");
      return name;
    }
    case "Number":
      return node.value;
    case "Percentage":
      return `${node.value}%`;
    case "Dimension": {
      const unit = decodeCssEscapes(node.unit).toLowerCase();
      if (!/^[a-z]{1,4}$/.test(unit)) throw new Refused(`the unit "${unit}"`);
      return `${node.value}${unit}`;
    }
    case "Hash": {
      if (!/^[0-9a-f]{3,8}$/i.test(node.value)) throw new Refused("a colour that is not a hex colour");
      return `#${node.value}`;
    }
    case "String":
      return stringToken(node.value);
    case "Url": {
      if (!allowedUrls.has(node.value)) {
        throw new Refused("url() to anything but this page's own uploaded images");
      }
      return `url(${stringToken(node.value)})`;
    }
    case "Function": {
      const name = decodeCssEscapes(node.name).toLowerCase();
      if (!FUNCTIONS.has(name)) throw new Refused(`the function ${name}()`);
      return `${name}(${sequenceText(nodes(node.children), allowedUrls)})`;
    }
    case "Parentheses":
      return `(${sequenceText(nodes(node.children), allowedUrls)})`;
    case "Operator": {
      const operator = node.value.trim();
      if (![",", "/", "+", "-", "*"].includes(operator)) throw new Refused(`the operator "${operator}"`);
      return operator === "," || operator === "/" ? operator : ` ${operator} `;
    }
    case "WhiteSpace":
      return " ";
    default:
      throw new Refused(`a ${node.type} in a value`);
  }
}

function declarationText(decl: Declaration, allowedUrls: ReadonlySet<string>): string {
  const property = decodeCssEscapes(decl.property).toLowerCase();
  let value: CssNode = decl.value;
  if (CUSTOM_PROPERTY.test(property)) {
    // Custom properties arrive as raw text: parse them as a value and hold them to the same rules.
    if (value.type === "Raw") value = parse(value.value, { context: "value" });
  } else if (!PROPERTIES.has(property)) {
    throw new Refused(`the property "${property}"`);
  }
  const text = valueText(value, allowedUrls).trim();
  if (!text) throw new Refused(`an empty value for "${property}"`);
  return `${property}:${text}${decl.important ? "!important" : ""}`;
}

function ruleText(rule: Rule, allowedUrls: ReadonlySet<string>, warnings: CssWarning[]): string | null {
  let selectors: string[];
  try {
    if (rule.prelude.type !== "SelectorList") throw new Refused("a selector that could not be read");
    selectors = nodes(rule.prelude.children).map(selectorText);
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    warnings.push({ line: lineOf(rule), message: `Rule left out: ${err.message} is not allowed.` });
    return null;
  }
  const declarations: string[] = [];
  for (const decl of nodes(rule.block.children)) {
    if (decl.type === "Raw" && !decl.value.trim()) continue;
    if (decl.type !== "Declaration") {
      warnings.push({ line: lineOf(decl), message: "Nested rules are not allowed; left out." });
      continue;
    }
    try {
      declarations.push(declarationText(decl, allowedUrls));
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      warnings.push({ line: lineOf(decl), message: `Declaration left out: ${err.message} is not allowed.` });
    }
  }
  return declarations.length ? `${selectors.join(",")}{${declarations.join(";")}}` : null;
}

function atruleText(rule: Atrule, allowedUrls: ReadonlySet<string>, warnings: CssWarning[]): string | null {
  const name = decodeCssEscapes(rule.name).toLowerCase();
  if (name !== "media") {
    warnings.push({ line: lineOf(rule), message: `@${name} is not allowed; left out.` });
    return null;
  }
  const prelude = rule.prelude?.type === "Raw" ? rule.prelude.value.trim().toLowerCase().replace(/\s+/g, " ") : "";
  if (!MEDIA.some((pattern) => pattern.test(prelude))) {
    warnings.push({
      line: lineOf(rule),
      message: "Only @media with a width, prefers-color-scheme or prefers-reduced-motion is allowed; left out.",
    });
    return null;
  }
  const inner = nodes(rule.block?.children)
    .map((child) => (child.type === "Rule" ? ruleText(child, allowedUrls, warnings) : null))
    .filter((text): text is string => text !== null);
  return inner.length ? `@media ${prelude}{${inner.join("")}}` : null;
}

/**
 * The custom CSS a page may use, and what was left out. `allowedUrls` are the page's
 * own uploaded images, the only targets url() may name.
 */
export function sanitizeCss(source: string, allowedUrls: readonly string[] = []): SanitizedCss {
  const warnings: CssWarning[] = [];
  if (!source.trim()) return { css: "", warnings };
  if (source.length > MAX_CUSTOM_CSS) {
    return { css: "", warnings: [{ line: null, message: `Custom CSS is limited to ${MAX_CUSTOM_CSS} characters.` }] };
  }
  const urls = new Set(allowedUrls);
  const ast = parse(source, {
    positions: true,
    parseAtrulePrelude: false,
    parseRulePrelude: true,
    parseValue: true,
    parseCustomProperty: false,
    onParseError: (error: SyntaxError) => {
      warnings.push({ line: (error as { line?: number }).line ?? null, message: `Could not read: ${error.message}` });
    },
  });
  const out: string[] = [];
  for (const node of ast.type === "StyleSheet" ? nodes(ast.children) : []) {
    if (node.type === "Rule") {
      const text = ruleText(node, urls, warnings);
      if (text) out.push(text);
    } else if (node.type === "Atrule") {
      const text = atruleText(node, urls, warnings);
      if (text) out.push(text);
    } else if (node.type === "Raw") {
      warnings.push({ line: lineOf(node), message: "Text that is not a CSS rule was left out." });
    }
  }
  return { css: out.join(""), warnings };
}
