/** A page of a workspace, as the router names it: workspacePath(id, "/crm") → "/w/{id}/crm". */
export const workspacePath = (workspaceId: string, path = "") => `/w/${workspaceId}${path}`;
