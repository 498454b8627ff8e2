import { env } from "cloudflare:test";

/**
 * Counts the statements the worker prepares on D1 from now until `stop()`: the worker
 * shares this binding with the test, so a request that reads or writes the database
 * shows here. Statements still run as usual; nothing is faked.
 */
export function countQueries() {
  const db = env.DB as unknown as { prepare: (query: string) => unknown; exec: (query: string) => unknown };
  const { prepare, exec } = db;
  const seen: string[] = [];
  db.prepare = (query: string) => {
    seen.push(query);
    return prepare.call(db, query);
  };
  db.exec = (query: string) => {
    seen.push(query);
    return exec.call(db, query);
  };
  return {
    get count() {
      return seen.length;
    },
    seen,
    stop() {
      db.prepare = prepare;
      db.exec = exec;
    },
  };
}
