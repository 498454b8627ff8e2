// /api/v1/workspaces/:workspaceId/contacts — the CRM's contacts: create, read, change,
// delete; list with filters, sorts and search; follow-ups; bulk actions; CSV export.
import { z } from "@hono/zod-openapi";
import { uuidv7 } from "../../../db/uuidv7";
import { activityEntry } from "../../lib/activity";
import { currentIdentity } from "../../lib/auth";
import { assertIfMatch, etagOf } from "../../lib/etag";
import { createRouter } from "../../lib/factory";
import { body, errorResponses, json } from "../../lib/openapi";
import { encodeCursor, pageOf } from "../../lib/pagination";
import { publishChanges } from "../../lib/realtime";
import { currentWorkspace, workspaceRoute } from "../../lib/workspace-access";
import { workspaceClock } from "../../lib/workspace-clock";
import { WorkspaceIdParam } from "../workspaces/schema";
import { applyBulkAction, assertTagsFit, type BulkSelection } from "./apply-bulk-action";
import { assertAllowed } from "./assert-allowed";
import { bulkCursorId } from "./bulk-cursor-id";
import { commitContactUpdate } from "./commit-contact-update";
import { contactChanges, contactName } from "./contact-changes";
import { DEFAULT_ORDER } from "./contact-list-query";
import { deleteContactsStatements, insertContactStatements, updateContactStatements } from "./contact-statements";
import { contactsCsvStream } from "./contacts-csv-stream";
import { countFollowUps } from "./count-follow-ups";
import { assertEmailFree } from "./find-contact-by-email";
import { gaugeMatches } from "./gauge-matches";
import { getContactOrThrow } from "./get-contact-or-throw";
import { listContacts } from "./list-contacts";
import { contactInstant, normalizeContact, normalizeContactPatch, wholeSeconds } from "./normalize-contact";
import { resolveContactFilter } from "./resolve-contact-filter";
import {
  BULK_STEP,
  BulkContactsBody,
  BulkResultSchema,
  ContactedBody,
  ContactIdParam,
  ContactSchema,
  CreateContactBody,
  ExportContactsQuery,
  FollowUpCountSchema,
  ListContactsQuery,
  UpdateContactBody,
} from "./schema";
import { selectBulkContacts } from "./select-bulk-contacts";
import { toContactJson } from "./to-contact-json";

const tags = ["Contacts"];

export const crmRoutes = createRouter()
  // GET /api/v1/workspaces/:workspaceId/contacts — a page of contacts, filtered, sorted, searched
  .openapi(
    workspaceRoute("crm.contacts.read", {
      method: "get",
      path: "/{workspaceId}/contacts",
      tags,
      summary: "List contacts",
      request: { params: WorkspaceIdParam, query: ListContactsQuery },
      responses: {
        200: json(pageOf(ContactSchema), "Contacts in the asked order"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "invalid_cursor", "validation_failed"),
      },
    }),
    async (c) => {
      const { limit, cursor, sort, order, ...filter } = c.req.valid("query");
      const { workspace } = currentWorkspace(c);
      const where = resolveContactFilter(filter, workspaceClock(workspace));
      const page = await listContacts(
        c.var.db,
        workspace.id,
        where,
        { by: sort, order: order ?? DEFAULT_ORDER[sort] },
        { limit, cursor },
      );
      return c.json(page, 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/contacts — add a contact
  .openapi(
    workspaceRoute("crm.contacts.create", {
      method: "post",
      path: "/{workspaceId}/contacts",
      tags,
      summary: "Create a contact",
      request: { params: WorkspaceIdParam, ...body(CreateContactBody) },
      responses: {
        201: json(ContactSchema, "The new contact"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "conflict", "validation_failed"),
      },
    }),
    async (c) => {
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const me = currentIdentity(c).user;
      const contact = {
        ...normalizeContact(c.req.valid("json"), workspaceClock(workspace).timeZone),
        id: uuidv7(),
        workspace_id: workspace.id,
        created_by: me.id,
      };
      await assertEmailFree(db, workspace.id, contact.email);
      try {
        await db.atomic((q) => [
          ...insertContactStatements(q, db, [contact]),
          activityEntry(c, q, db, {
            workspaceId: workspace.id,
            type: "crm_contact.created",
            description: `${me.name} added the contact ${contactName(contact)}`,
            entityType: "crm_contact",
            entityId: contact.id,
          }),
        ]);
      } catch (err) {
        // Two requests with one email at once: the unique index let only one through.
        await assertEmailFree(db, workspace.id, contact.email);
        throw err;
      }
      const created = toContactJson(await getContactOrThrow(db, { workspaceId: workspace.id, contactId: contact.id }));
      await publishChanges(c, workspace.id, [
        { entity_type: "crm_contact", entity_id: contact.id, op: "create", data: created },
      ]);
      c.header("ETag", await etagOf(created));
      c.header("Location", `/api/v1/workspaces/${workspace.id}/contacts/${contact.id}`);
      return c.json(created, 201);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/contacts/export — every contact the filter matches, as a CSV download
  .openapi(
    workspaceRoute("crm.contacts.export", {
      method: "get",
      path: "/{workspaceId}/contacts/export",
      tags,
      summary: "Download contacts as CSV",
      request: { params: WorkspaceIdParam, query: ExportContactsQuery },
      responses: {
        200: {
          description: "One row per contact, every field; tags joined with ;",
          content: { "text/csv": { schema: z.string() } },
        },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    (c) => {
      const { sort, order, ...filter } = c.req.valid("query");
      const { workspace } = currentWorkspace(c);
      const where = resolveContactFilter(filter, workspaceClock(workspace));
      const date = new Date().toISOString().slice(0, 10);
      const stream = contactsCsvStream(c.var.db, workspace.id, where, {
        by: sort,
        order: order ?? DEFAULT_ORDER[sort],
      });
      return c.body(stream, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        // Slugs are [a-z0-9-], so the name needs no escaping.
        "Content-Disposition": `attachment; filename="contacts-${workspace.slug}-${date}.csv"`,
        // Names, emails and phone numbers: no shared cache keeps a copy.
        "Cache-Control": "no-store",
      });
    },
  )
  // GET /api/v1/workspaces/:workspaceId/contacts/follow-ups/count — the badge: follow-ups overdue and due today
  .openapi(
    workspaceRoute("crm.contacts.read", {
      method: "get",
      path: "/{workspaceId}/contacts/follow-ups/count",
      tags,
      summary: "Count follow-ups overdue and due today",
      request: { params: WorkspaceIdParam },
      responses: {
        200: json(FollowUpCountSchema, "Counts in the workspace's time zone"),
        ...errorResponses("unauthorized", "forbidden", "not_found"),
      },
    }),
    async (c) => {
      const { workspace } = currentWorkspace(c);
      return c.json(await countFollowUps(c.var.db, workspace.id, workspaceClock(workspace)), 200);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/contacts/bulk — tag, untag, set status or follow-up, or delete many contacts
  .openapi(
    workspaceRoute("crm.contacts.bulk", {
      method: "post",
      path: "/{workspaceId}/contacts/bulk",
      tags,
      summary: "Apply an action to many contacts",
      description: `Select contacts by \`contact_ids\` (at most 1,000, done in one go) or by \`filter\` (the list's filters, any number of contacts). Deleting also needs crm.contacts.delete. Ids not in this workspace refuse the whole action (404) before anything changes. Contacts are changed 1,000 at a time, each thousand with its activity entries at once, and announced on the live feed. A filter matching more than one request goes through answers \`done: false\` and a \`next_cursor\`: send the same body with \`cursor\` to go on.`,
      request: { params: WorkspaceIdParam, ...body(BulkContactsBody) },
      responses: {
        200: json(BulkResultSchema, "How many contacts changed, and whether there is more to do"),
        ...errorResponses(
          "invalid_json",
          "unauthorized",
          "forbidden",
          "not_found",
          "invalid_cursor",
          "validation_failed",
        ),
      },
    }),
    async (c) => {
      const action = c.req.valid("json");
      const db = c.var.db;
      const access = currentWorkspace(c);
      if (action.action === "delete") assertAllowed(access, "crm.contacts.delete");
      const clock = workspaceClock(access.workspace);
      const selection: BulkSelection = action.contact_ids
        ? { ids: await selectBulkContacts(db, access.workspace.id, action.contact_ids) }
        : { where: await gaugeMatches(db, access.workspace.id, resolveContactFilter(action.filter ?? {}, clock)) };
      const afterId = action.cursor === undefined ? null : bulkCursorId(action.cursor);
      // By filter, the tags are checked on the first request, against every match.
      if (action.action === "add_tags" && afterId === null) {
        await assertTagsFit(db, access.workspace.id, selection, action.tags);
      }
      const progress = await applyBulkAction(c, access.workspace.id, selection, action, clock, {
        afterId,
        limit: action.limit ?? BULK_STEP,
      });
      const next_cursor = progress.done || progress.lastId === null ? null : encodeCursor(["bulk", progress.lastId]);
      return c.json({ affected: progress.affected, done: next_cursor === null, next_cursor }, 200);
    },
  )
  // GET /api/v1/workspaces/:workspaceId/contacts/:contactId — one contact, with its ETag
  .openapi(
    workspaceRoute("crm.contacts.read", {
      method: "get",
      path: "/{workspaceId}/contacts/{contactId}",
      tags,
      summary: "A contact",
      request: { params: ContactIdParam },
      responses: {
        200: json(ContactSchema, "The contact"),
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { contactId } = c.req.valid("param");
      const row = await getContactOrThrow(c.var.db, { workspaceId: currentWorkspace(c).workspace.id, contactId });
      const contact = toContactJson(row);
      c.header("ETag", await etagOf(contact));
      return c.json(contact, 200);
    },
  )
  // PATCH /api/v1/workspaces/:workspaceId/contacts/:contactId — change fields; If-Match guards against lost updates
  .openapi(
    workspaceRoute("crm.contacts.update", {
      method: "patch",
      path: "/{workspaceId}/contacts/{contactId}",
      tags,
      summary: "Update a contact",
      request: { params: ContactIdParam, ...body(UpdateContactBody) },
      responses: {
        200: json(ContactSchema, "The contact as it is now"),
        ...errorResponses(
          "invalid_json",
          "unauthorized",
          "forbidden",
          "not_found",
          "conflict",
          "precondition_failed",
          "validation_failed",
        ),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { contactId } = c.req.valid("param");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const before = await getContactOrThrow(db, { workspaceId: workspace.id, contactId });
      await assertIfMatch(c, toContactJson(before));
      const next = normalizeContactPatch(input, workspaceClock(workspace).timeZone);
      const changes = contactChanges(before, next);
      const changed = Object.fromEntries(Object.entries(next).filter(([key]) => key in changes));
      if (Object.keys(changes).length > 0) {
        if (changes.email) await assertEmailFree(db, workspace.id, next.email ?? null, before.id);
        try {
          await commitContactUpdate(db, { workspaceId: workspace.id, contactId: before.id }, (q, activityId) => [
            ...updateContactStatements(q, db, [{ before, changes: changed }]),
            activityEntry(c, q, db, {
              id: activityId,
              workspaceId: workspace.id,
              type: "crm_contact.updated",
              description: `${currentIdentity(c).user.name} changed ${Object.keys(changes).join(", ")} of ${contactName({ ...before, ...changed })}`,
              entityType: "crm_contact",
              entityId: before.id,
              metadata: { changes },
            }),
          ]);
        } catch (err) {
          if (changes.email) await assertEmailFree(db, workspace.id, next.email ?? null, before.id);
          throw err;
        }
      }
      const contact = toContactJson(await getContactOrThrow(db, { workspaceId: workspace.id, contactId: before.id }));
      if (Object.keys(changes).length > 0) {
        await publishChanges(c, workspace.id, [
          { entity_type: "crm_contact", entity_id: before.id, op: "update", changed: changes, data: contact },
        ]);
      }
      c.header("ETag", await etagOf(contact));
      return c.json(contact, 200);
    },
  )
  // DELETE /api/v1/workspaces/:workspaceId/contacts/:contactId — delete a contact with its tags and search terms
  .openapi(
    workspaceRoute("crm.contacts.delete", {
      method: "delete",
      path: "/{workspaceId}/contacts/{contactId}",
      tags,
      summary: "Delete a contact",
      request: { params: ContactIdParam },
      responses: {
        204: { description: "Deleted" },
        ...errorResponses("unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const { contactId } = c.req.valid("param");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const contact = await getContactOrThrow(db, { workspaceId: workspace.id, contactId });
      await db.atomic((q) => [
        ...deleteContactsStatements(q, db, workspace.id, [contact.id]),
        activityEntry(c, q, db, {
          workspaceId: workspace.id,
          type: "crm_contact.deleted",
          description: `${currentIdentity(c).user.name} deleted the contact ${contactName(contact)}`,
          entityType: "crm_contact",
          entityId: contact.id,
          metadata: { email: contact.email },
        }),
      ]);
      await publishChanges(c, workspace.id, [{ entity_type: "crm_contact", entity_id: contact.id, op: "delete" }]);
      return c.body(null, 204);
    },
  )
  // POST /api/v1/workspaces/:workspaceId/contacts/:contactId/contacted — reached them now; clear or move the follow-up
  .openapi(
    workspaceRoute("crm.contacts.update", {
      method: "post",
      path: "/{workspaceId}/contacts/{contactId}/contacted",
      tags,
      summary: "Mark a contact as contacted",
      request: { params: ContactIdParam, ...body(ContactedBody) },
      responses: {
        200: json(ContactSchema, "The contact, last_contacted now"),
        ...errorResponses("invalid_json", "unauthorized", "forbidden", "not_found", "validation_failed"),
      },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const { contactId } = c.req.valid("param");
      const db = c.var.db;
      const { workspace } = currentWorkspace(c);
      const before = await getContactOrThrow(db, { workspaceId: workspace.id, contactId });
      const { timeZone } = workspaceClock(workspace);
      const next = {
        last_contacted: wholeSeconds(new Date()),
        next_follow_up: input.next_follow_up ? contactInstant(input.next_follow_up, timeZone) : null,
      };
      const changes = contactChanges(before, next);
      await commitContactUpdate(db, { workspaceId: workspace.id, contactId: before.id }, (q, activityId) => [
        ...updateContactStatements(q, db, [{ before, changes: next }]),
        activityEntry(c, q, db, {
          id: activityId,
          workspaceId: workspace.id,
          type: "crm_contact.contacted",
          description: `${currentIdentity(c).user.name} contacted ${contactName(before)}`,
          entityType: "crm_contact",
          entityId: before.id,
          metadata: { changes },
        }),
      ]);
      const contact = toContactJson(await getContactOrThrow(db, { workspaceId: workspace.id, contactId: before.id }));
      await publishChanges(c, workspace.id, [
        { entity_type: "crm_contact", entity_id: before.id, op: "update", changed: changes, data: contact },
      ]);
      c.header("ETag", await etagOf(contact));
      return c.json(contact, 200);
    },
  );
