// Field validators several features share, so each rule is written once.
import { z } from "@hono/zod-openapi";
import { isTimeZone } from "./is-time-zone";

export const timeZoneField = z
  .string()
  .max(64)
  .refine(isTimeZone, "Use an IANA time zone such as Europe/Paris.")
  .openapi({ example: "Europe/Paris" });

export const localeField = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "Use a locale like en or en-GB.");

/** Only https links: no javascript:, data: or mixed content. */
export const httpsUrlField = z
  .string()
  .trim()
  .max(255, "Use at most 255 characters.")
  .url("Use a full https:// address.")
  .refine((u) => u.startsWith("https://"), "Use an https:// address.");

export const hexColorField = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #4f46e5.");

export const uuidField = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "Not a valid id.");
