// SQL on the e2e app's local D1, for the few stories that need a row the API would never
// write (an attack stored past validation) or a clock moved on (an expired token). The app
// is stopped while it runs (see start-app.ts), so open pages lose their connection for a
// few seconds: run it before opening the story's pages, or reload them after.
import { inject } from "vitest";

/** Runs `sql` (one statement or several) and answers the rows of the last one. */
export async function d1WhileStopped<T>(sql: string): Promise<T[]> {
  const res = await fetch(inject("d1ControlUrl"), { method: "POST", body: sql });
  if (!res.ok) throw new Error(`SQL on the stopped app failed: ${await res.text()}`);
  return (await res.json()) as T[];
}
