// The baseline of npm run bench:crm: one indexed SELECT of 50 contacts from the same
// table of the same local D1, as JSON — no session, no permission gate, no filter
// logic, no cursor. What a contact request costs beyond this is what the app adds.
type Env = { DB: D1Database };

export default {
  async fetch(request: Request, env: Env) {
    const url = new URL(request.url);
    if (url.pathname === "/health") return new Response("ok");
    const workspaceId = url.searchParams.get("workspace") ?? "";
    // Newest first along crm_contacts_idx_ws_created, as the list's default page.
    const { results } = await env.DB.prepare(
      "SELECT * FROM crm_contacts WHERE workspace_id = ? ORDER BY created_at DESC, id DESC LIMIT 50",
    )
      .bind(workspaceId)
      .all();
    return Response.json({ data: results });
  },
} satisfies ExportedHandler<Env>;
