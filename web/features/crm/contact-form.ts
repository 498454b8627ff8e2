// A contact as its page's form holds it (strings, as inputs do) and back: what changed,
// as the API takes it, and what to say before calling the API at all.
import type { Contact, ContactChanges, ContactStatus } from "./contact-types";
import { localDay } from "./format-contact";

/** The fields the form edits; notes have their own live document. */
export const FORM_FIELDS = [
  "first_name",
  "last_name",
  "email",
  "phone",
  "company",
  "position",
  "address",
  "status",
  "lead_score",
  "source",
  "tags",
  "last_contacted",
  "next_follow_up",
] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type ContactForm = Record<FormField, string>;

export function formOf(c: Contact): ContactForm {
  return {
    first_name: c.first_name,
    last_name: c.last_name,
    email: c.email ?? "",
    phone: c.phone ?? "",
    company: c.company ?? "",
    position: c.position ?? "",
    address: c.address ?? "",
    status: c.status,
    lead_score: String(c.lead_score),
    source: c.source ?? "",
    tags: c.tags.join(", "),
    last_contacted: localDay(c.last_contacted),
    next_follow_up: localDay(c.next_follow_up),
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** What the API is sent for the fields the person changed. */
export function changesOf(draft: ContactForm, base: ContactForm): ContactChanges {
  const out: ContactChanges = {};
  for (const key of FORM_FIELDS) {
    if (draft[key] === base[key]) continue;
    const value = draft[key];
    switch (key) {
      case "first_name":
      case "last_name":
        out[key] = value;
        break;
      case "status":
        out.status = value as ContactStatus;
        break;
      case "lead_score":
        out.lead_score = value.trim() === "" ? Number.NaN : Number(value);
        break;
      case "tags":
        out.tags = value
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean);
        break;
      case "address":
        out.address = value.trim() === "" ? null : value;
        break;
      default:
        out[key] = orNull(value);
    }
  }
  return out;
}

/** Problems worth catching before the API: it says the rest, next to the same fields. */
export function validateForm(draft: ContactForm): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!draft.first_name.trim()) problems.first_name = "Enter a first name.";
  const score = Number(draft.lead_score);
  if (draft.lead_score.trim() === "" || !Number.isFinite(score)) problems.lead_score = "Enter a score from 0 to 100.";
  if (draft.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) {
    problems.email = "Enter an email address like name@example.com.";
  }
  return problems;
}
