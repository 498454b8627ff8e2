import type { Mail } from "./mail-sender";

export type HttpApiConfig = { baseUrl: string; apiKey: string; from: string };

/** POST {baseUrl}/emails with a bearer key — the shape Resend, Postmark-style and most JSON mail APIs accept. */
export async function sendThroughHttpApi(config: HttpApiConfig, mail: Mail): Promise<void> {
  const res = await fetch(`${config.baseUrl.replace(/\/$/, "")}/emails`, {
    method: "POST",
    headers: { Authorization: `Bearer ${config.apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ from: config.from, to: [mail.to], subject: mail.subject, html: mail.html, text: mail.text }),
  });
  if (!res.ok) {
    throw new Error(`mail API answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  }
}
