import type { Mail } from "../../lib/mail/mail-sender";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

function layout(title: string, intro: string, action: string, url: string, outro: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2330;max-width:520px;margin:auto;padding:24px">
<h1 style="font-size:20px">${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="color:#5b6170;font-size:13px">${escapeHtml(outro)}<br>${escapeHtml(url)}</p></body></html>`;
}

export function verificationEmail(to: string, name: string, url: string): Mail {
  const intro = `Hi ${name}, confirm that ${to} is your email address to finish setting up Mewayz.`;
  const outro = "The link works for 48 hours. If you did not sign up, ignore this email.";
  return {
    to,
    subject: "Confirm your email address",
    html: layout("Confirm your email", intro, "Confirm email", url, outro),
    text: `${intro}\n\n${url}\n\n${outro}`,
  };
}

export function passwordResetEmail(to: string, name: string, url: string): Mail {
  const intro = `Hi ${name}, someone (hopefully you) asked to reset the password of your Mewayz account.`;
  const outro =
    "The link works for one hour and only once. If you did not ask, ignore this email: your password stays as it is.";
  return {
    to,
    subject: "Reset your password",
    html: layout("Reset your password", intro, "Choose a new password", url, outro),
    text: `${intro}\n\n${url}\n\n${outro}`,
  };
}
