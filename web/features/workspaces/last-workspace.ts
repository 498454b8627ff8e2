const keyFor = (userId: string) => `mewayz.workspace.${userId}`;

/** The workspace this person opened last on this device, so /app/ goes back there. */
export function lastWorkspace(userId: string): string | null {
  try {
    return localStorage.getItem(keyFor(userId));
  } catch {
    // Storage may be off (private mode, a policy): the first workspace is opened instead.
    return null;
  }
}

export function rememberWorkspace(userId: string, workspaceId: string | null): void {
  try {
    if (workspaceId) localStorage.setItem(keyFor(userId), workspaceId);
    else localStorage.removeItem(keyFor(userId));
  } catch {
    // As above: remembering is a convenience.
  }
}
