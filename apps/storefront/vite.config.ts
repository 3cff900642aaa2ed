import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  base: "/",
  plugins: [react(), tailwindcss()],
  // The build's files live under _app/, a path no page of the app uses (pages such as
  // /assets/<id> must reach the app on a reload); StaticApp serves it (BUILD_DIR).
  build: { sourcemap: false, target: "es2022", assetsDir: "_app" },
  server: { proxy: { "/trpc": api, "/api": api } },
});
