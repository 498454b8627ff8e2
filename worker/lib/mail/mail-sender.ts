// One way out for every email the product sends. In production an HTTP email API
// delivers it; without one (local development) it is kept in the dev outbox and
// shown at /app/dev/outbox.
import type { Database } from "../../../db/database";
import type { Env } from "../env";
import { sendThroughHttpApi } from "./http-api-transport";
import { keepInOutbox } from "./outbox-transport";

export type Mail = { to: string; subject: string; html: string; text: string };
export type MailSender = { send(mail: Mail): Promise<void>; kind: "http" | "outbox" };

export function mailSenderFor(env: Env, db: Database): MailSender {
  if (env.MAIL_API_URL && env.MAIL_API_KEY) {
    const config = {
      baseUrl: env.MAIL_API_URL,
      apiKey: env.MAIL_API_KEY,
      from: env.MAIL_FROM ?? "Mewayz <hello@mewayz.com>",
    };
    return { kind: "http", send: (mail) => sendThroughHttpApi(config, mail) };
  }
  if (env.APP_ENV === "production") {
    throw new Error("MAIL_API_URL and MAIL_API_KEY must be set in production");
  }
  return { kind: "outbox", send: (mail) => keepInOutbox(db, mail) };
}
