import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const outDir = fileURLToPath(new URL("../dist/web/app", import.meta.url));

// The SPA lives under /app/: the worker serves dist/web as static assets, gives
// /app/assets/* a year-long immutable cache and answers every other /app/* path with index.html.
export default defineConfig({
  root: webRoot,
  base: "/app/",
  plugins: [solid()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
  },
  server: {
    // `wrangler dev` runs the API on 8787; the dev server only draws the UI.
    proxy: { "/api": "http://localhost:8787" },
  },
});
