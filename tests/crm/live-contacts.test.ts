import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { contactsPath, createContact } from "./contact-helpers";

describe("contacts on the live feed", () => {
  it("delivers a contact made, edited and deleted in one tab to the others, as the API shows it", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner, "Live CRM");
    const editor = await teammate(ws.id, "editor");
    const viewer = await teammate(ws.id, "viewer");
    const guest = await teammate(ws.id, "guest");
    const tabs = await Promise.all([connectLive(owner, ws.id), connectLive(viewer.client, ws.id)]);
    const guestTab = await connectLive(guest.client, ws.id);
    for (const tab of [...tabs, guestTab]) await tab.next("hello");

    const ada = await createContact(owner, ws.id, { tags: ["vip"] });
    for (const tab of tabs) {
      const created = await tab.next("change", (m) => m.entity_type === "crm_contact" && m.op === "create");
      expect(created).toMatchObject({ entity_id: ada.id, actor_id: user.id, data: ada });
    }

    const res = await editor.client.fetch(contactsPath(ws.id, `/${ada.id}`), {
      method: "PATCH",
      json: { company: "Analytical Engines", lead_score: 80 },
    });
    const edited = await res.json();
    for (const tab of tabs) {
      const change = await tab.next("change", (m) => m.entity_type === "crm_contact" && m.op === "update");
      expect(change).toMatchObject({
        entity_id: ada.id,
        actor_id: editor.user.id,
        changed: { company: { from: null, to: "Analytical Engines" }, lead_score: { from: 0, to: 80 } },
        data: edited,
      });
    }

    await owner.fetch(contactsPath(ws.id, "/bulk"), {
      method: "POST",
      json: { action: "set_status", status: "customer", contact_ids: [ada.id] },
    });
    for (const tab of tabs) {
      const change = await tab.next("change", (m) => m.entity_type === "crm_contact" && m.op === "update");
      expect(change).toMatchObject({
        changed: { status: { from: "lead", to: "customer" } },
        data: { status: "customer" },
      });
    }

    await owner.fetch(contactsPath(ws.id, `/${ada.id}`), { method: "DELETE" });
    for (const tab of tabs) {
      expect(await tab.next("change", (m) => m.entity_type === "crm_contact" && m.op === "delete")).toMatchObject({
        entity_id: ada.id,
      });
    }
    // A guest cannot read contacts, so the feed tells them nothing about them.
    expect(guestTab.messages.filter((m) => m.type === "change" && m.entity_type === "crm_contact")).toEqual([]);
    for (const tab of [...tabs, guestTab]) tab.ws.close(1000);
  });
});
