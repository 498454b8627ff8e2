import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { connectD1 } from "../../db/connect-d1";
import { demoLogin } from "../../db/seed/demo-login";
import { seedDemoData } from "../../db/seed/seed-demo-data";
import { client } from "../helpers/api";
import { seedDemoDataSuite } from "./seed-demo-data-suite";

describe("demo data on D1", () => {
  seedDemoDataSuite(() => connectD1(env.DB));

  it("lets the printed demo login sign in", async () => {
    const db = connectD1(env.DB);
    if ((await db.q.$count(db.t.users)) === 0) await seedDemoData(db);
    const res = await client().fetch("/api/v1/auth/login", {
      method: "POST",
      json: { email: demoLogin.email, password: demoLogin.password },
    });
    expect(res.status).toBe(200);
  });
});
