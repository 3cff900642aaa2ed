import { defineConfig } from "vitest/config";

// Three kinds of tests (see ARCHITECTURE.md): unit tests beside the code,
// integration tests (*.int.test.ts) against a real database and real services
// on loopback, and end-to-end tests (e2e/) in Chromium.
// Tests wait for outcomes, never race a clock: expect.poll gives a condition
// 30 s by default (vitest's 1 s fails on a loaded 2-core machine).
const patient = { expect: { poll: { timeout: 30_000, interval: 100 } } };

// Integration tests that use no database (the BitTitan simulator, the provisioning client): the
// PostgreSQL pass of `npm test` (TEST_DB=postgres) leaves them to the PGlite pass, which runs them as they are.
const noDatabase = ["apps/bittitan-sim/**", "packages/provisioning/**"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...patient,
          name: "unit",
          include: ["{apps,packages}/*/src/**/*.test.{ts,tsx}", "bench/src/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          environment: "node",
          // Generous: the PDF rendering tests take seconds on a loaded 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          ...patient,
          name: "int",
          include: ["{apps,packages}/*/{src,test}/**/*.int.test.ts"],
          exclude: ["**/node_modules/**", ...(process.env.TEST_DB === "postgres" ? noDatabase : [])],
          environment: "node",
          pool: "forks",
          poolOptions: { forks: { maxForks: 2, minForks: 1 } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          ...patient,
          name: "chaos",
          include: ["chaos/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          ...patient,
          // npm start from a fresh git clone, with failing stand-ins for global tools first on PATH.
          name: "fresh-clone",
          include: ["e2e/fresh-clone.test.ts"],
          environment: "node",
          pool: "forks",
          testTimeout: 1_200_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          ...patient,
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          environment: "node",
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
