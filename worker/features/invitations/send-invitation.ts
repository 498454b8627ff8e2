import type { Context } from "hono";
import type { AppEnv } from "../../lib/env";
import { mailSenderFor } from "../../lib/mail/mail-sender";
import type { Role } from "../../lib/permissions";
import { appLink } from "./app-link";
import { invitationEmail } from "./invitation-email";

/** Mails the invitation. A failed send is logged, not thrown: the invitation stands and can be resent. */
export async function sendInvitation(
  c: Context<AppEnv>,
  invite: {
    email: string;
    token: string;
    role: Role;
    message: string | null;
    workspaceName: string;
    inviterName: string;
  },
): Promise<void> {
  const mail = invitationEmail(invite.email, { ...invite, url: appLink(c, `/app/invitations/${invite.token}`) });
  try {
    await mailSenderFor(c.env, c.var.db).send(mail);
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "invitation mail not sent", error: String(err) }));
  }
}
