import { describe, expect, inject, it } from "vitest";
import { publishTxtRecord } from "../fakes/fake-dns-client";
import { errorOf, signUp } from "../helpers/api";
import { createWorkspace, teammate } from "../helpers/workspaces";
import { createPage, pagesPath, updatePage, visit } from "./bio-helpers";

describe("custom domains", () => {
  it("serves a domain at / only after its TXT record proves control", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const page = await createPage(client, workspace.id, { is_active: true, title: "On my own domain" });
    const domain = `bio-${page.id.slice(-10)}.example.net`;
    const set = await updatePage(client, workspace.id, page.id, { custom_domain: domain });
    const verify = () => client.fetch(pagesPath(workspace.id, `/${page.id}/custom-domain/verify`), { method: "POST" });

    const missing = await verify();
    expect(missing.status).toBe(409);
    expect((await errorOf(missing)).details).toEqual({
      record: `_mewayz.${domain}`,
      value: `mewayz-verify=${set.custom_domain_token}`,
    });
    expect((await visit("/", { host: domain })).status).toBe(302);

    await publishTxtRecord(inject("fakeDnsUrl"), `_mewayz.${domain}`, "mewayz-verify=someone-else");
    expect((await verify()).status).toBe(409);
    await publishTxtRecord(inject("fakeDnsUrl"), `_mewayz.${domain}`, `mewayz-verify=${set.custom_domain_token}`);
    const ok = await verify();
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { custom_domain_verified: boolean }).custom_domain_verified).toBe(true);

    const res = await visit("/", { host: domain });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("On my own domain");

    // A new domain must be proved again; the old one stops serving the page at once.
    const moved = await updatePage(client, workspace.id, page.id, { custom_domain: `x${domain}` });
    expect(moved.custom_domain_verified).toBe(false);
    expect((await visit("/", { host: domain })).status).toBe(302);
  });

  it("is for editors and up", async () => {
    const { client } = await signUp();
    const workspace = await createWorkspace(client);
    const contributor = await teammate(workspace.id, "contributor");
    const page = await createPage(contributor.client, workspace.id);
    const res = await contributor.client.fetch(pagesPath(workspace.id, `/${page.id}`), {
      method: "PATCH",
      json: { custom_domain: "mine.example.org" },
    });
    expect(res.status).toBe(403);
  });
});
