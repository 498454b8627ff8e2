// The CRM's shapes on the web side, named from the worker's own schemas so both sides
// speak one language. Only types cross over: the worker's zod code stays out of the bundle.
import type { z } from "zod";
import type { ContactSortKey } from "../../../worker/features/crm/contact-list-query";
import type { FollowUpWindow } from "../../../worker/features/crm/follow-up-window";
import type {
  ImportJobSchema,
  PreviewImportResponse,
  ReportRowSchema,
  UploadImportResponse,
} from "../../../worker/features/crm/import-schema";
import type { ContactStatus } from "../../../worker/features/crm/normalize-contact";
import type { BulkContactsBody, ContactSchema, FollowUpCountSchema } from "../../../worker/features/crm/schema";

export type Contact = z.infer<typeof ContactSchema>;
export type ContactChanges = Partial<Omit<Contact, "id" | "workspace_id" | "created_by" | "created_at" | "updated_at">>;
export type BulkAction = z.input<typeof BulkContactsBody>;
export type FollowUpCount = z.infer<typeof FollowUpCountSchema>;
export type ImportJob = z.infer<typeof ImportJobSchema>;
export type UploadedImport = z.infer<typeof UploadImportResponse>;
export type ImportPreview = z.infer<typeof PreviewImportResponse>;
export type ReportRow = z.infer<typeof ReportRowSchema>;
export type { ContactSortKey, ContactStatus, FollowUpWindow };
export type Page<T> = { data: T[]; next_cursor: string | null };

/** The pipeline, in order: the board's columns left to right. */
export const STATUSES: readonly ContactStatus[] = ["lead", "prospect", "customer", "inactive"];

export const STATUS_LABELS: Record<ContactStatus, string> = {
  lead: "Lead",
  prospect: "Prospect",
  customer: "Customer",
  inactive: "Inactive",
};

export const FOLLOW_UP_LABELS: Record<FollowUpWindow, string> = {
  overdue: "Overdue",
  today: "Due today",
  due: "Overdue or today",
  this_week: "This week",
};

/** The fields a person edits, as a form and the conflict notice name them. */
export const FIELD_LABELS: Record<string, string> = {
  first_name: "First name",
  last_name: "Last name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  position: "Position",
  address: "Address",
  status: "Status",
  lead_score: "Lead score",
  source: "Source",
  tags: "Tags",
  notes: "Notes",
  last_contacted: "Last contacted",
  next_follow_up: "Next follow-up",
};

export const contactName = (c: Pick<Contact, "first_name" | "last_name">) =>
  `${c.first_name} ${c.last_name}`.trim() || "Unnamed contact";
