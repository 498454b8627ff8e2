// What a contact may hold, and the one way every writer (the API, the CSV import)
// turns what a person typed into what is stored: names trimmed, emails lower-cased,
// phones in E.164 when they can be, scores clamped, tags without repeats, dates as
// instants. Validation (zod) says what is refused; normalisation never refuses.
import { z } from "@hono/zod-openapi";
import { isStorable } from "../../lib/storable-time";
import { startOfZonedDay } from "../../lib/zoned-time";
import { emailField } from "../auth/schema";
import { uniqueTags } from "./unique-tags";

export const CONTACT_STATUSES = ["lead", "prospect", "customer", "inactive"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 64;
/** TEXT columns: MySQL holds 65,535 bytes of UTF-8 in them. */
export const MAX_TEXT_BYTES = 65_535;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

const firstNameField = z
  .string()
  .trim()
  .min(1, "Enter a first name.")
  .max(255, "Use at most 255 characters.")
  .openapi({ example: "Ada" });

/** Many people go by one name, and HubSpot takes contacts without a last name: blank is allowed. */
const lastNameField = z
  .string()
  .trim()
  .max(255, "Use at most 255 characters.")
  .openapi({ example: "Lovelace", description: "May be blank." });

/** An optional line of text; blank means none. */
const lineField = z.string().trim().max(255, "Use at most 255 characters.").nullable();

/** An optional long text (TEXT column); blank means none. */
const longTextField = z
  .string()
  .max(MAX_TEXT_BYTES, "Use at most 65,535 characters.")
  .refine((text) => utf8Bytes(text) <= MAX_TEXT_BYTES, "This text is too long to store: shorten it a little.")
  .nullable();

const emailOrBlankField = z.union([z.string().trim().length(0), emailField]).nullable();

export const tagField = z
  .string()
  .trim()
  .min(1, "A tag cannot be empty.")
  .max(MAX_TAG_LENGTH, `Keep each tag to at most ${MAX_TAG_LENGTH} characters.`)
  // Lists of tags travel comma-separated in filters and semicolon-separated in CSV files.
  .refine((tag) => !/[,;]/.test(tag), "A tag cannot contain a comma or a semicolon.");

export const tagsField = z
  .array(tagField)
  .max(MAX_TAGS * 4, `Use at most ${MAX_TAGS} tags.`)
  .refine((tags) => uniqueTags(tags).length <= MAX_TAGS, `Use at most ${MAX_TAGS} tags.`)
  .openapi({ example: ["vip", "newsletter"], description: `At most ${MAX_TAGS}; repeats (any case) are dropped.` });

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/** A plain date (the start of that day in the workspace's time zone) or a date-time with its zone. */
export const contactDateField = z
  .string()
  .trim()
  .max(64)
  .superRefine((value, ctx) => {
    if (!isoDate.safeParse(value).success && !isoDateTime.safeParse(value).success) {
      ctx.addIssue({ code: "custom", message: "Use an ISO 8601 date such as 2026-03-10 or 2026-03-10T09:30:00Z." });
      return;
    }
    if (!isStorable(new Date(value).getTime())) {
      ctx.addIssue({ code: "custom", message: "Choose a date between 1970 and 2037." });
    }
  })
  .nullable()
  .openapi({ format: "date-time", example: "2026-03-10T09:30:00Z" });

/** Every field of a contact as a request may give it; only the first name is required. */
export const ContactFields = z
  .object({
    first_name: firstNameField,
    last_name: lastNameField.optional(),
    email: emailOrBlankField.optional().openapi({ description: "Unique in the workspace; stored lower-case." }),
    phone: lineField.optional().openapi({
      description: "Stored in E.164 (+14155550123) when it starts with + or 00; otherwise as typed.",
      example: "+1 415 555 0123",
    }),
    company: lineField.optional(),
    position: lineField.optional(),
    address: longTextField.optional(),
    status: z.enum(CONTACT_STATUSES).optional().openapi({ description: "Defaults to lead." }),
    lead_score: z.number().optional().openapi({ description: "0–100; numbers outside are clamped.", example: 60 }),
    source: lineField.optional().openapi({ example: "instagram" }),
    tags: tagsField.optional(),
    notes: longTextField.optional().openapi({
      description: "Also edited live, together, through the docs endpoint crm_contacts:{id}:notes.",
    }),
    last_contacted: contactDateField.optional(),
    next_follow_up: contactDateField.optional(),
  })
  .strict();

export type ContactInput = z.infer<typeof ContactFields>;

/** A contact's fields as they are stored. */
export type ContactValues = {
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  position: string | null;
  address: string | null;
  status: ContactStatus;
  lead_score: number;
  source: string | null;
  tags: string[];
  notes: string | null;
  last_contacted: Date | null;
  next_follow_up: Date | null;
};

/**
 * A phone number in E.164 when it is written internationally: spaces, dots, slashes,
 * dashes and parentheses are dropped, a leading 00 becomes +, and the "(0)" some
 * write after the country code goes. What remains must be + and 7–15 digits, the
 * first not 0. A national number ("(415) 555-0123") has no country to go by, so it
 * is kept as typed, like anything else that is not a plain number (extensions…).
 */
export function normalizePhone(typed: string): string {
  const compact = typed
    .trim()
    .replace(/\(0\)/g, "")
    .replace(/[\s.()/\-\u2010-\u2015\u2212]/g, "");
  const match = /^(?:\+|00)([1-9]\d{6,14})$/.exec(compact);
  return match ? `+${match[1]}` : typed.trim();
}

/** Lead scores are whole numbers from 0 to 100: anything else is brought into range, not refused. */
export const clampScore = (score: number) => Math.min(100, Math.max(0, Math.round(score)));

/** Whole seconds: both databases store them, and MySQL would round what D1 truncates. */
export const wholeSeconds = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000);

/** An instant from a validated date field; a plain date starts at midnight in the workspace's zone. */
export function contactInstant(value: string, timeZone: string): Date {
  if (isoDate.safeParse(value).success) {
    const [year, month, day] = value.split("-").map(Number) as [number, number, number];
    return startOfZonedDay({ year, month, day }, timeZone);
  }
  return wholeSeconds(new Date(value));
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** The stored values of the fields a request gave (a PATCH), normalised; absent fields stay absent. */
export function normalizeContactPatch(input: Partial<ContactInput>, timeZone: string): Partial<ContactValues> {
  const out: Partial<ContactValues> = {};
  if (input.first_name !== undefined) out.first_name = input.first_name.trim();
  if (input.last_name !== undefined) out.last_name = input.last_name.trim();
  if (input.email !== undefined) out.email = blankToNull(input.email)?.toLowerCase() ?? null;
  if (input.phone !== undefined) {
    const phone = blankToNull(input.phone);
    out.phone = phone === null ? null : normalizePhone(phone);
  }
  for (const key of ["company", "position", "source"] as const) {
    if (input[key] !== undefined) out[key] = blankToNull(input[key]);
  }
  // Long texts keep their inner whitespace; only an all-blank text means none.
  if (input.address !== undefined) out.address = input.address?.trim() ? input.address : null;
  if (input.notes !== undefined) out.notes = input.notes?.trim() ? input.notes : null;
  if (input.status !== undefined) out.status = input.status;
  if (input.lead_score !== undefined) out.lead_score = clampScore(input.lead_score);
  if (input.tags !== undefined) out.tags = uniqueTags(input.tags);
  for (const key of ["last_contacted", "next_follow_up"] as const) {
    const value = input[key];
    if (value !== undefined) out[key] = value === null ? null : contactInstant(value, timeZone);
  }
  return out;
}

/** A new contact's stored values: the given fields normalised, the rest at their defaults. */
export function normalizeContact(input: ContactInput, timeZone: string): ContactValues {
  return {
    email: null,
    phone: null,
    company: null,
    position: null,
    address: null,
    status: "lead",
    lead_score: 0,
    source: null,
    tags: [],
    notes: null,
    last_contacted: null,
    next_follow_up: null,
    ...normalizeContactPatch(input, timeZone),
    first_name: input.first_name.trim(),
    last_name: input.last_name?.trim() ?? "",
  };
}
