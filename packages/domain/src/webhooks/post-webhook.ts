import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { guardedLookup, isNonPublicAddress } from "./network-guard.ts";

/** A receiver must answer within this long; a slower one counts as a failed attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** We read (and keep) at most this much of a receiver's answer. */
const MAX_RESPONSE_BYTES = 4096;

export type PostOutcome =
  | { ok: true; status: number; durationMs: number }
  | { ok: false; status: number | null; durationMs: number; error: string };

/**
 * One POST of a webhook: the whole exchange (connect, send, answer) within
 * `timeoutMs`; redirects are not followed (a 3xx is a failed attempt, as
 * any non-2xx); only public addresses are connected to unless `allowPrivate`.
 */
export function postWebhook(input: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs?: number;
  allowPrivate: boolean;
}): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(input.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!input.allowPrivate && isIP(host) !== 0 && isNonPublicAddress(host))
    return Promise.resolve({ ok: false, status: null, durationMs: 0, error: `${host} is not a public address` });
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const request = send(
      url,
      {
        method: "POST",
        headers: {
          ...input.headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(input.body)),
          "user-agent": "CloudMarket-Webhooks/1",
        },
        lookup: guardedLookup(input.allowPrivate) as never,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let received = 0;
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => {
          if (received < MAX_RESPONSE_BYTES) chunks.push(chunk);
          received += chunk.length;
        });
        response.on("error", (error) => finish({ ok: false, status, durationMs: elapsed(), error: error.message }));
        response.on("end", () => {
          if (status >= 200 && status < 300) return finish({ ok: true, status, durationMs: elapsed() });
          const answer = Buffer.concat(chunks).toString("utf8").slice(0, 300).trim();
          const redirect = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
          finish({
            ok: false,
            status,
            durationMs: elapsed(),
            error: `HTTP ${status}${redirect}${answer ? `: ${answer}` : ""}`,
          });
        });
      },
    );
    const timeoutMs = input.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    const timer = setTimeout(() => {
      finish({ ok: false, status: null, durationMs: elapsed(), error: `No answer within ${timeoutMs / 1000} s` });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => finish({ ok: false, status: null, durationMs: elapsed(), error: error.message }));
    request.end(input.body);
  });
}
