import { emailHtml, emailText } from "../../lib/mail/email-layout";
import type { Mail } from "../../lib/mail/mail-sender";
import type { Role } from "../../lib/permissions";
import { aRole } from "../members/role-label";

/** The invitation to a workspace, in the look of every other email. */
export function invitationEmail(
  to: string,
  invite: { inviterName: string; workspaceName: string; role: Role; message: string | null; url: string },
): Mail {
  const { inviterName, workspaceName, role, message, url } = invite;
  const content = {
    title: `Join ${workspaceName}`,
    intro: `${inviterName} invited you to join ${workspaceName} on Mewayz as ${aRole(role)}.`,
    note: message,
    action: "Accept invitation",
    url,
    outro: `The invitation works for 7 days, for ${to} only. If you did not expect it, ignore this email.`,
  };
  return {
    to,
    subject: `${inviterName} invited you to ${workspaceName} on Mewayz`,
    html: emailHtml(content),
    text: emailText(content),
  };
}
