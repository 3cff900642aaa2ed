import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  base: "/bss/",
  plugins: [react(), tailwindcss()],
  build: { sourcemap: false, target: "es2022" },
  server: { proxy: { "/trpc": api, "/api": api } },
});
