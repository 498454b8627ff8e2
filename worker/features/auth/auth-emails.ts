import { emailHtml, emailText } from "../../lib/mail/email-layout";
import type { Mail } from "../../lib/mail/mail-sender";

export function verificationEmail(to: string, name: string, url: string): Mail {
  const content = {
    title: "Confirm your email",
    intro: `Hi ${name}, confirm that ${to} is your email address to finish setting up Mewayz.`,
    action: "Confirm email",
    url,
    outro: "The link works for 48 hours. If you did not sign up, ignore this email.",
  };
  return { to, subject: "Confirm your email address", html: emailHtml(content), text: emailText(content) };
}

export function passwordResetEmail(to: string, name: string, url: string): Mail {
  const content = {
    title: "Reset your password",
    intro: `Hi ${name}, someone (hopefully you) asked to reset the password of your Mewayz account.`,
    action: "Choose a new password",
    url,
    outro:
      "The link works for one hour and only once. If you did not ask, ignore this email: your password stays as it is.",
  };
  return { to, subject: "Reset your password", html: emailHtml(content), text: emailText(content) };
}
