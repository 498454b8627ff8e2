import { z } from "@hono/zod-openapi";
import { uuidField } from "../../lib/fields";
import { WorkspaceIdParam } from "../workspaces/schema";
import { LinksInput } from "./bio-links";
import { ThemeInput } from "./bio-theme";
import { MAX_BIO_CHARS, MEDIA_PATH } from "./render-bio-page";
import { RESERVED_SLUGS, SLUG } from "./reserved-slugs";
import { MAX_CUSTOM_CSS } from "./sanitize-css";

export const PageIdParam = WorkspaceIdParam.extend({ pageId: uuidField });

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .regex(SLUG, "Use 3 to 40 lower-case letters, digits and hyphens, starting and ending with a letter or digit.")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "This address is reserved; choose another.")
  .openapi({ example: "mayachen" });

const HOSTNAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const customDomainField = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/\.$/, ""))
  .refine((v) => HOSTNAME.test(v), "Use a domain name such as links.example.com (no https://, no path).")
  .refine((v) => !/(^|\.)(localhost|mewayz\.com|workers\.dev)$/.test(v), "Use a domain of your own.");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable();

const mediaField = z
  .string()
  .regex(MEDIA_PATH, "Upload the image first and use the address the upload returned.")
  .nullable();

const pageFields = {
  title: z.string().trim().min(1, "Give the page a title.").max(255, "Use at most 255 characters."),
  slug: slugField,
  bio: z.string().max(MAX_BIO_CHARS, `Use at most ${MAX_BIO_CHARS} characters.`).nullable(),
  profile_picture: mediaField,
  background_image: mediaField,
  theme: ThemeInput.nullable().openapi({
    description: "A preset and any overrides: colours (#rrggbb), font, button shape and style, background, layout.",
    example: { preset: "sunset", button_color: "#c2410c", font: "Rounded" },
  }),
  links: LinksInput.openapi({
    description:
      "In display order. url: https, http, mailto or tel only. starts_at/ends_at schedule a link; sensitive adds an 18+ confirmation.",
  }),
  is_active: z.boolean().openapi({ description: "Published: visitors can open the page. Needs bio.pages.publish." }),
  seo_title: optionalText(255),
  seo_description: optionalText(500),
  custom_css: z.string().max(MAX_CUSTOM_CSS, `Use at most ${MAX_CUSTOM_CSS} characters.`).nullable(),
  custom_domain: customDomainField.nullable().openapi({
    description: "Served at / of this domain once verified. Needs bio.pages.publish.",
  }),
};

export const CreatePageBody = z
  .object(pageFields)
  .partial()
  .required({ title: true, slug: true })
  .strict()
  .openapi("CreateBioPage");
export type CreatePageBody = z.infer<typeof CreatePageBody>;

export const UpdatePageBody = z.object(pageFields).partial().strict().openapi("UpdateBioPage");
export type UpdatePageBody = z.infer<typeof UpdatePageBody>;

const warning = z.object({ line: z.number().int().nullable(), message: z.string() });

export const PageSchema = z
  .object({
    id: z.string(),
    workspace_id: z.string(),
    title: z.string(),
    slug: z.string(),
    bio: z.string().nullable(),
    profile_picture: z.string().nullable(),
    background_image: z.string().nullable(),
    theme: z.record(z.string(), z.unknown()).nullable(),
    links: z.array(z.record(z.string(), z.unknown())),
    is_active: z.boolean(),
    total_views: z.number().int(),
    total_clicks: z.number().int(),
    seo_title: z.string().nullable(),
    seo_description: z.string().nullable(),
    custom_css: z.string().nullable(),
    custom_domain: z.string().nullable(),
    custom_domain_verified: z.boolean(),
    custom_domain_token: z.string().nullable().openapi({
      description: "Publish a TXT record _mewayz.<domain> with the value mewayz-verify=<token>, then verify.",
    }),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
    css_warnings: z.array(warning).openapi({ description: "What the CSS sanitiser left out, and why." }),
    theme_warnings: z.array(z.object({ field: z.string(), message: z.string(), ratio: z.number() })),
  })
  .openapi("BioPage");

export const PageListSchema = z.object({ data: z.array(PageSchema) }).openapi("BioPageList");

export const SanitizeCssBody = z
  .object({ custom_css: z.string().max(MAX_CUSTOM_CSS), page_id: uuidField.optional() })
  .strict()
  .openapi("SanitizeCss");
export const SanitizeCssResult = z.object({ css: z.string(), warnings: z.array(warning) }).openapi("SanitizedCss");

/** Upload limits: a profile picture is small on the page; a background fills it. */
export const MEDIA_LIMITS = { profile_picture: 2 * 1024 * 1024, background_image: 5 * 1024 * 1024 } as const;

export const MediaQuery = z.object({
  field: z.enum(["profile_picture", "background_image"]).openapi({ description: "Which image this upload becomes." }),
});

const binary = { schema: z.string().openapi({ type: "string", format: "binary" }) };
export const imageBody = {
  body: {
    content: { "image/png": binary, "image/jpeg": binary, "image/gif": binary, "image/webp": binary },
    required: true,
  },
};
