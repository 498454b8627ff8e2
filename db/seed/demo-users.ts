// The people in the demo, as the old platform's UserSeeder made them: an admin who owns
// the demo workspace, and four teammates. Everyone shares the demo password so each
// role can be tried by signing in as that person.
import { hashPassword } from "../../worker/features/auth/password";
import type { Tables } from "../database";
import { uuidv7 } from "../uuidv7";
import { addDays } from "./add-days";
import { demoLogin } from "./demo-login";

type NewUser = Tables["users"]["$inferInsert"] & { id: string };

export type DemoUsers = Record<"owner" | "daniel" | "sofia" | "priya" | "liam", NewUser>;

const people = [
  { key: "owner", name: "Maya Chen", email: demoLogin.email, role: "admin", timezone: "America/New_York" },
  { key: "daniel", name: "Daniel Okafor", email: "daniel.okafor@mewayz.test", role: "user", timezone: "Europe/London" },
  {
    key: "sofia",
    name: "Sofía Martínez",
    email: "sofia.martinez@mewayz.test",
    role: "user",
    timezone: "Europe/Madrid",
  },
  { key: "priya", name: "Priya Raman", email: "priya.raman@mewayz.test", role: "user", timezone: "Asia/Kolkata" },
  { key: "liam", name: "Liam O'Brien", email: "liam.obrien@mewayz.test", role: "user", timezone: "America/Chicago" },
] as const;

export async function demoUsers(now: Date): Promise<DemoUsers> {
  const users: Partial<DemoUsers> = {};
  for (const [index, person] of people.entries()) {
    users[person.key] = {
      id: uuidv7(),
      name: person.name,
      email: person.email,
      email_verified_at: addDays(now, -120 + index * 7),
      // Hashed one by one, so no two rows share a salt — this is the code people copy.
      password: await hashPassword(demoLogin.password),
      role: person.role,
      status: "active",
      preferences: {
        timezone: person.timezone,
        locale: "en",
        theme: "system",
        email_notifications: { product_updates: true, weekly_digest: true, mentions: true },
      },
    };
  }
  return users as DemoUsers;
}
