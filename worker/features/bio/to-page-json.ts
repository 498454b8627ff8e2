import { storedLinks } from "./bio-links";
import { resolveTheme, themeWarnings } from "./bio-theme";
import type { PageRow } from "./get-page-or-throw";
import { pageMediaUrls } from "./page-media-urls";
import { ownMediaUrl } from "./render-bio-page";
import { sanitizeCss } from "./sanitize-css";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A bio page as the API (and the live feed) shows it: the seed's columns, ISO times, and what the builder should warn about. */
export function toPageJson(row: PageRow) {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    title: row.title,
    slug: row.slug,
    bio: row.bio,
    profile_picture: row.profile_picture,
    background_image: row.background_image,
    theme: (row.theme as Record<string, unknown> | null) ?? null,
    links: storedLinks(row.links) as unknown as Record<string, unknown>[],
    is_active: row.is_active ?? true,
    total_views: row.total_views ?? 0,
    total_clicks: row.total_clicks ?? 0,
    seo_title: row.seo_title,
    seo_description: row.seo_description,
    custom_css: row.custom_css,
    custom_domain: row.custom_domain,
    custom_domain_verified: row.custom_domain !== null && row.custom_domain_verified_at !== null,
    custom_domain_token: row.custom_domain ? row.custom_domain_token : null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    css_warnings: row.custom_css ? sanitizeCss(row.custom_css, pageMediaUrls(row)).warnings : [],
    theme_warnings: themeWarnings(resolveTheme(row.theme), ownMediaUrl(row.background_image, row.id) !== null),
  };
}

export type PageJson = ReturnType<typeof toPageJson>;
