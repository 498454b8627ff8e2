// The account the demo data signs in with. The seed command prints it and tests sign in
// with it, so it is written down once.
export const demoLogin = {
  email: "demo@mewayz.test",
  password: "mewayz-demo-2026",
  url: "http://localhost:8787/app",
} as const;
