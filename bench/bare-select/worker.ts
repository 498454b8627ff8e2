// The baselines of npm run bench:crm, on the same table of the same local D1, with no
// session, no permission gate, no filter logic, no cursor:
// - GET /?workspace=…: one indexed SELECT of 50 contacts, as JSON. What a contact
//   request costs beyond this is what the app adds.
// - POST /insert?workspace=…&user=…: the rows of the body (a JSON array of
//   [id, first_name, last_name, email, company]) inserted as contacts in ONE statement,
//   as the import writes them, but without their tags, search terms, import bookkeeping
//   or duplicate checks: the write floor of the table and its indexes.
type Env = { DB: D1Database };

export default {
  async fetch(request: Request, env: Env) {
    const url = new URL(request.url);
    if (url.pathname === "/health") return new Response("ok");
    const workspaceId = url.searchParams.get("workspace") ?? "";
    if (url.pathname === "/insert" && request.method === "POST") {
      const rows = await request.text();
      const { meta } = await env.DB.prepare(
        `INSERT INTO crm_contacts (id, workspace_id, created_by, first_name, last_name, email, company)
         SELECT j.value ->> '$[0]', ?1, ?2, j.value ->> '$[1]', j.value ->> '$[2]', j.value ->> '$[3]', j.value ->> '$[4]'
         FROM json_each(?3) AS j`,
      )
        .bind(workspaceId, url.searchParams.get("user") ?? "", rows)
        .run();
      return Response.json({ inserted: meta.changes });
    }
    // Newest first along crm_contacts_idx_ws_created, as the list's default page.
    const { results } = await env.DB.prepare(
      "SELECT * FROM crm_contacts WHERE workspace_id = ? ORDER BY created_at DESC, id DESC LIMIT 50",
    )
      .bind(workspaceId)
      .all();
    return Response.json({ data: results });
  },
} satisfies ExportedHandler<Env>;
