// The one look of the product's emails: a title, a few lines, one button, and the
// link spelled out for mail clients that hide buttons.

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

export type EmailContent = {
  title: string;
  intro: string;
  /** A personal note quoted under the intro (an invitation's message). */
  note?: string | null;
  action: string;
  url: string;
  outro: string;
};

export function emailHtml({ title, intro, note, action, url, outro }: EmailContent): string {
  const quote = note
    ? `<blockquote style="margin:16px 0;padding-left:12px;border-left:3px solid #d6d9e0;color:#5b6170">${escapeHtml(note).replace(/\n/g, "<br>")}</blockquote>`
    : "";
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2330;max-width:520px;margin:auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p>${quote}
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="color:#5b6170;font-size:13px">${escapeHtml(outro)}<br>${escapeHtml(url)}</p></body></html>`;
}

export const emailText = ({ intro, note, url, outro }: EmailContent) =>
  `${intro}\n\n${note ? `"${note}"\n\n` : ""}${url}\n\n${outro}`;
