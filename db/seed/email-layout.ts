// The frame every demo email template sits in: table layout and inline styles, because
// that is what mail clients (Outlook above all) still render reliably. Merge tags are
// written {{like_this}} and filled in when a campaign is sent.
export function emailLayout({ title, preheader, body }: { title: string; preheader: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
</head>
<body style="margin:0;padding:0;background-color:#f4f4f7;font-family:Helvetica,Arial,sans-serif;color:#1f2933;">
  <div style="display:none;max-height:0;overflow:hidden;">${preheader}</div>
  <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background-color:#f4f4f7;">
    <tr>
      <td align="center" style="padding:32px 16px;">
        <table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background-color:#ffffff;border-radius:8px;">
          <tr>
            <td style="padding:24px 32px;border-bottom:1px solid #e4e7eb;font-size:18px;font-weight:bold;">{{workspace_name}}</td>
          </tr>
          <tr>
            <td style="padding:32px;font-size:16px;line-height:1.6;">
${body}
            </td>
          </tr>
          <tr>
            <td style="padding:24px 32px;border-top:1px solid #e4e7eb;font-size:12px;line-height:1.5;color:#7b8794;">
              You are receiving this because you subscribed to {{workspace_name}}.<br>
              <a href="{{view_in_browser_url}}" style="color:#7b8794;">View in browser</a> ·
              <a href="{{unsubscribe_url}}" style="color:#7b8794;">Unsubscribe</a>
            </td>
          </tr>
        </table>
      </td>
    </tr>
  </table>
</body>
</html>`;
}
