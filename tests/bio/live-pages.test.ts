import { describe, expect, it } from "vitest";
import { signUp } from "../helpers/api";
import { connectLive } from "../helpers/live";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createPage, pagesPath, updatePage } from "./bio-helpers";

describe("bio pages on the live feed", () => {
  it("announces a page made, edited and deleted, as the API shows it", async () => {
    const { client: owner, user } = await signUp();
    const ws = await createWorkspace(owner);
    const viewer = await teammate(ws.id, "viewer");
    const tab = await connectLive(viewer.client, ws.id);
    await tab.next("hello");
    const page = await createPage(owner, ws.id, { title: "Live page" });
    const created = await tab.next("change", (m) => m.entity_type === "link_in_bio_page" && m.op === "create");
    expect(created).toMatchObject({ entity_id: page.id, actor_id: user.id, data: page });
    const edited = await updatePage(owner, ws.id, page.id, { title: "Renamed", bio: "Longer text here" });
    const change = await tab.next("change", (m) => m.entity_type === "link_in_bio_page" && m.op === "update");
    expect(change).toMatchObject({
      entity_id: page.id,
      changed: { title: { from: "Live page", to: "Renamed" }, bio: { from: { length: 0 }, to: { length: 16 } } },
      data: edited,
    });
    await owner.fetch(pagesPath(ws.id, `/${page.id}`), { method: "DELETE" });
    const gone = await tab.next("change", (m) => m.entity_type === "link_in_bio_page" && m.op === "delete");
    expect(gone.entity_id).toBe(page.id);
    tab.ws.close();
  });
});
