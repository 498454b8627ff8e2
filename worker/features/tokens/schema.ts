import { z } from "@hono/zod-openapi";
import { ABILITIES } from "./abilities";
import { EXPIRES_IN, latestExpiry } from "./token-expiry";

const ability = z.enum(ABILITIES, {
  error: (issue) =>
    issue.input === "*"
      ? 'Name each ability the token needs; "*" is not accepted.'
      : `Unknown ability. Use one of: ${ABILITIES.join(", ")}.`,
});

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

/** An ISO 8601 date-time with a zone (or a plain date, meaning midnight UTC), in the future and at most a year ahead. */
const expiresAtField = z
  .string()
  .max(64)
  .superRefine((value, ctx) => {
    if (!isoDateTime.safeParse(value).success && !isoDate.safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: "Use an ISO 8601 date such as 2026-01-31T00:00:00Z." });
      return;
    }
    const at = new Date(value).getTime();
    const now = new Date();
    if (at <= now.getTime()) ctx.addIssue({ code: "custom", message: "Choose a date in the future." });
    else if (at > latestExpiry(now).getTime()) {
      ctx.addIssue({ code: "custom", message: "Choose a date at most one year ahead." });
    }
  })
  .openapi({ format: "date-time", example: "2026-01-31T00:00:00Z" });

export const CreateTokenBody = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Enter a name for the token.")
      .max(255, "Use at most 255 characters.")
      .openapi({ example: "Zapier" }),
    abilities: z
      .array(ability)
      .min(1, "Choose at least one ability.")
      .max(ABILITIES.length)
      .refine((list) => new Set(list).size === list.length, "List each ability once.")
      .optional()
      .openapi({ description: "Defaults to every read ability.", example: ["crm:read", "crm:write"] }),
    expires_in: z
      .enum(EXPIRES_IN, { error: `Use one of: ${EXPIRES_IN.join(", ")}.` })
      .optional()
      .openapi({ description: 'Lifetime; defaults to "30d". Send this or expires_at, not both.' }),
    expires_at: expiresAtField.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.expires_in !== undefined && body.expires_at !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["expires_at"],
        message: "Send either expires_in or expires_at, not both.",
      });
    }
  })
  .openapi("CreateToken");

export const TokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    abilities: z.array(z.string()),
    last_used_at: z.string().nullable(),
    expires_at: z.string().nullable(),
    created_at: z.string().nullable(),
  })
  .openapi("PersonalAccessToken");

export const NewTokenSchema = z
  .object({
    token: TokenSchema,
    plain_text_token: z
      .string()
      .openapi({ description: "Send as `Authorization: Bearer …`. Shown once; only its hash is kept." }),
  })
  .openapi("NewPersonalAccessToken");

export const TokenIdParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "Unknown token.")
    .openapi({ param: { name: "id", in: "path" }, example: "42" }),
});
