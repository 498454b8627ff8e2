// The workspace-scoped operations, read from the app's own OpenAPI document, so a
// route added tomorrow is covered by the permission and tenancy tests without
// anyone listing it. Each operation can be called with its path filled in.
import { env, SELF } from "cloudflare:test";
import { connectD1 } from "../../db/connect-d1";
import type { Role } from "../../worker/lib/permissions";
import { ORIGIN } from "../helpers/api";

export const WORKSPACE_PREFIX = "/api/v1/workspaces/{workspaceId}";

type Parameter = { name: string; in: string; schema?: { type?: string; pattern?: string } };
type OperationObject = { "x-permission"?: string; parameters?: Parameter[]; requestBody?: unknown };

export type Operation = {
  method: string;
  path: string;
  /** `x-permission`: the action the route's gate requires; null when the route forgot to declare one. */
  permission: string | null;
  /** Path parameters other than the workspace, with whether they take a number. */
  childParams: { name: string; numeric: boolean }[];
  hasBody: boolean;
  label: string;
};

const METHODS = ["get", "post", "put", "patch", "delete"];
const WITH_BODY = ["POST", "PUT", "PATCH"];
/** A number no table reaches, for numeric child ids. */
export const MISSING_NUMBER = "999999999";

function takesNumber(param: Parameter): boolean {
  const { type, pattern } = param.schema ?? {};
  if (type === "integer" || type === "number") return true;
  try {
    return pattern !== undefined && new RegExp(pattern).test(MISSING_NUMBER);
  } catch {
    return false;
  }
}

/** Every operation under /api/v1/workspaces/{workspaceId}, in document order. */
export async function workspaceOperations(): Promise<Operation[]> {
  const res = await SELF.fetch(`${ORIGIN}/api/openapi.json`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, OperationObject>> };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (path !== WORKSPACE_PREFIX && !path.startsWith(`${WORKSPACE_PREFIX}/`)) continue;
    for (const [verb, op] of Object.entries(item)) {
      if (!METHODS.includes(verb)) continue;
      const method = verb.toUpperCase();
      operations.push({
        method,
        path,
        permission: op["x-permission"] ?? null,
        childParams: (op.parameters ?? [])
          .filter((p) => p.in === "path" && p.name !== "workspaceId")
          .map((p) => ({ name: p.name, numeric: takesNumber(p) })),
        hasBody: op.requestBody !== undefined || WITH_BODY.includes(method),
        label: `${method} ${path}`,
      });
    }
  }
  return operations;
}

/** The operation's URL: the workspace, the given child ids, and a random valid id for any other. */
export function fillPath(op: Operation, workspaceId: string, children: Record<string, string> = {}): string {
  let path = op.path.replace("{workspaceId}", workspaceId);
  for (const param of op.childParams) {
    const value = children[param.name] ?? (param.numeric ? MISSING_NUMBER : crypto.randomUUID());
    path = path.replace(`{${param.name}}`, encodeURIComponent(value));
  }
  return path;
}

/** The request options for an operation: an empty JSON object for any method that carries a body. */
export const requestFor = (op: Operation): RequestInit & { json?: unknown } => ({
  method: op.method,
  ...(op.hasBody && { json: {} }),
});

export type Answer = { status: number; error: { code: string; message: string; details: unknown } | null };

/** Status and, for JSON errors, the error body; anything else (a CSV, an upgrade refusal) is drained. */
export async function answerOf(res: Response): Promise<Answer> {
  const isJson = res.headers.get("Content-Type")?.includes("application/json");
  if (!isJson) {
    await res.arrayBuffer();
    return { status: res.status, error: null };
  }
  const body = (await res.json()) as { error?: Answer["error"] };
  return { status: res.status, error: body.error ?? null };
}

/** The gate's own refusal of a workspace: what a non-member gets, and what a member must never get. */
export const isWorkspaceNotFound = (a: Answer) => a.status === 404 && a.error?.message === "Workspace not found.";

/**
 * Adds an existing person to another workspace, the way the teammate helper does.
 * Signing up costs half a second of password hashing, so the matrix signs each role
 * up once (with teammate) and seats the same people in every fresh workspace.
 */
export async function addMember(workspaceId: string, userId: string, role: Role) {
  const db = connectD1(env.DB);
  await db.atomic((q) => [
    q.insert(db.t.workspaceMembers).values({ workspace_id: workspaceId, user_id: userId, role, joined_at: new Date() }),
  ]);
}
