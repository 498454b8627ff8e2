import { z } from "@hono/zod-openapi";
import { hexColorField, httpsUrlField, localeField, timeZoneField, uuidField } from "../../lib/fields";
import { ACTIONS, ROLES } from "../../lib/permissions";

/** Paths and words a workspace slug must not take: they name pages of the product itself. */
export const RESERVED_SLUGS = new Set([
  "api",
  "app",
  "admin",
  "assets",
  "auth",
  "billing",
  "dashboard",
  "docs",
  "help",
  "l",
  "login",
  "logout",
  "mewayz",
  "new",
  "settings",
  "signup",
  "static",
  "status",
  "support",
  "www",
  "workspace",
  "workspaces",
]);

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(48, "Use at most 48 characters.")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Use lowercase letters, digits and dashes, not at the ends.")
  .refine((s) => !s.includes("--"), "Use single dashes.")
  .refine((s) => !RESERVED_SLUGS.has(s), "This name is reserved. Choose another.")
  .openapi({ example: "northwind-studio" });

export const FONTS = ["Inter", "DM Sans", "Poppins", "Roboto", "Lora", "Playfair Display", "Space Grotesk"] as const;

export const BrandingSchema = z
  .object({
    primary_color: hexColorField,
    accent_color: hexColorField,
    background_color: hexColorField,
    text_color: hexColorField,
    font: z.enum(FONTS),
    logo_url: httpsUrlField.nullable(),
  })
  .partial()
  .strict()
  .openapi("WorkspaceBranding");

export const SettingsSchema = z
  .object({
    timezone: timeZoneField,
    locale: localeField,
    week_starts_on: z.enum(["monday", "sunday"]),
    currency: z.string().regex(/^[A-Z]{3}$/, "Use a currency code like USD."),
    /** Daily times (HH:MM, workspace time zone) new social posts are offered for. */
    posting_slots: z
      .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 09:30."))
      .max(24)
      .refine((s) => new Set(s).size === s.length, "List each time once."),
  })
  .partial()
  .strict()
  .openapi("WorkspaceSettings");

const nameField = z.string().trim().min(1, "Enter a name.").max(255, "Use at most 255 characters.");
const descriptionField = z.string().trim().max(5000, "Use at most 5,000 characters.");

export const CreateWorkspaceBody = z
  .object({
    name: nameField,
    slug: slugField.optional(),
    description: descriptionField.nullable().optional(),
    logo: httpsUrlField.nullable().optional(),
    branding: BrandingSchema.optional(),
    settings: SettingsSchema.optional(),
  })
  .strict()
  .openapi("CreateWorkspace");

export const UpdateWorkspaceBody = z
  .object({
    name: nameField,
    slug: slugField,
    description: descriptionField.nullable(),
    logo: httpsUrlField.nullable(),
    branding: BrandingSchema,
    settings: SettingsSchema,
  })
  .partial()
  .strict()
  .openapi("UpdateWorkspace");

export const DeleteWorkspaceBody = z
  .object({ confirm_slug: z.string().max(48) })
  .strict()
  .openapi("DeleteWorkspace");

export const TransferWorkspaceBody = z.object({ user_id: uuidField }).strict().openapi("TransferWorkspace");

export const WorkspaceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    description: z.string().nullable(),
    logo: z.string().nullable(),
    branding: z.record(z.string(), z.unknown()),
    status: z.enum(["active", "inactive", "suspended"]),
    owner_id: z.string(),
    settings: z.record(z.string(), z.unknown()),
    created_at: z.string().nullable(),
    updated_at: z.string().nullable(),
    my_role: z.enum(ROLES),
  })
  .openapi("Workspace");

export const WorkspaceDetailSchema = WorkspaceSchema.extend({ my_permissions: z.array(z.enum(ACTIONS)) }).openapi(
  "WorkspaceDetail",
);

export const WorkspaceIdParam = z.object({ workspaceId: uuidField });
