/** The API's CRM paths below /api, as requestApi takes them. */
export const contactsPath = (workspaceId: string, rest = "") =>
  `/v1/workspaces/${encodeURIComponent(workspaceId)}/contacts${rest}`;

export const contactPath = (workspaceId: string, contactId: string, rest = "") =>
  contactsPath(workspaceId, `/${encodeURIComponent(contactId)}${rest}`);

export const importsPath = (workspaceId: string, rest = "") => contactsPath(workspaceId, `/imports${rest}`);
