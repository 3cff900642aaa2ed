// Bundles the server into one file: the workspace packages (which export
// TypeScript source) and their dependencies go in. Packages that load WASM or
// data files from their own folder stay external; they are direct
// dependencies of this package so Node resolves them from dist/.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/launch.ts", "src/setup.ts"],
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  external: [
    "@electric-sql/pglite",
    "@electric-sql/pglite/*",
    "@prisma/client",
    "@prisma/client/*",
    "pg-native",
    "pdfkit",
  ],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: "warning",
});
