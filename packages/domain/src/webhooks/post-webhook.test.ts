import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "./post-webhook.ts";

// A real server on loopback: one path redirects, one never answers.
let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? "");
    if (request.url === "/moved") {
      response.writeHead(302, { location: `${base}/target` });
      response.end();
      return;
    }
    if (request.url === "/silent") return;
    response.writeHead(200);
    response.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (path: string, options: { timeoutMs?: number; allowPrivate?: boolean } = {}) =>
  postWebhook({ url: `${base}${path}`, body: "{}", headers: {}, allowPrivate: true, ...options });

describe("one webhook request", () => {
  it("delivers on a 2xx", async () => {
    expect(await post("/ok")).toMatchObject({ ok: true, status: 200 });
  });

  it("does not follow a redirect: it is a failed attempt, and the target is never asked", async () => {
    hits.length = 0;
    const outcome = await post("/moved");
    expect(outcome).toMatchObject({ ok: false, status: 302 });
    expect(outcome.ok ? "" : outcome.error).toContain("redirects are not followed");
    expect(hits).toEqual(["/moved"]);
  });

  it("gives up on a receiver that does not answer within the timeout", async () => {
    const outcome = await post("/silent", { timeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, status: null, error: "No answer within 0.3 s" });
  });

  it("does not connect to a loopback address unless private addresses are allowed", async () => {
    hits.length = 0;
    const outcome = await post("/ok", { allowPrivate: false });
    expect(outcome).toMatchObject({ ok: false, error: "127.0.0.1 is not a public address" });
    expect(hits).toEqual([]);
  });
});
