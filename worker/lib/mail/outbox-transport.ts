import type { Database } from "../../../db/database";
import type { Mail } from "./mail-sender";

export async function keepInOutbox(db: Database, mail: Mail): Promise<void> {
  await db.atomic((q) => [
    q.insert(db.t.mailOutbox).values({ to_address: mail.to, subject: mail.subject, html: mail.html, text: mail.text }),
  ]);
}
