import type { z } from "zod";
import { computeBackoffMs } from "./backoff.ts";
import {
  BitTitanInvalidResponseError,
  BitTitanUnavailableError,
  classifyErrorResponse,
  describeNetworkError,
  parseRetryAfter,
  TRANSIENT_STATUSES,
  type BitTitanError,
} from "./errors.ts";
import { BitTitanCircuitOpenError, type CircuitBreaker } from "./circuit-breaker.ts";
import type { Logger } from "./logger.ts";

export interface TransportSettings {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  logger: Logger;
  fetch: typeof fetch;
  random?: () => number;
  /** Shared by every client of one connection: refuses calls while BitTitan is down. */
  breaker?: CircuitBreaker;
}

export interface RequestSpec {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Only for operations that are safe to repeat (reads, idempotent writes). */
  retry: boolean;
}

type Attempt =
  | { kind: "answer"; status: number; body: unknown; retryAfterMs?: number }
  | { kind: "network"; error: unknown };

/**
 * One logical call, through the circuit breaker when there is one: refused at
 * once while it is open, and its outcome (BitTitan reached or not) recorded.
 */
export async function sendRequest<Schema extends z.ZodType>(
  settings: TransportSettings,
  spec: RequestSpec,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const breaker = settings.breaker;
  if (!breaker) return sendWithRetries(settings, spec, schema);
  const ticket = breaker.admit();
  try {
    const result = await sendWithRetries(settings, spec, schema);
    breaker.succeeded(ticket);
    return result;
  } catch (error) {
    // An outage (unreachable, 5xx, 429) counts against BitTitan; a refusal or a malformed answer means it is up.
    if (!(error instanceof BitTitanUnavailableError)) {
      breaker.succeeded(ticket);
      throw error;
    }
    breaker.failed(ticket);
    // A failed probe is part of the outage, not an attempt of the caller's: it is told to wait, as the others are.
    if (ticket.probe) throw new BitTitanCircuitOpenError(breaker.nextProbe(), error);
    throw error;
  }
}

/**
 * Up to maxAttempts HTTP attempts, each bounded by timeoutMs, with backoff
 * between them. Logs carry method, path, status, attempt and duration only:
 * never headers or bodies, which hold the API key and partner passwords.
 */
async function sendWithRetries<Schema extends z.ZodType>(
  settings: TransportSettings,
  spec: RequestSpec,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const url = new URL(
    spec.path.replace(/^\//, ""),
    settings.baseUrl.endsWith("/") ? settings.baseUrl : `${settings.baseUrl}/`,
  );
  const maxAttempts = spec.retry ? Math.max(1, settings.maxAttempts) : 1;
  const log = { method: spec.method, path: spec.path };

  for (let attempt = 1; ; attempt += 1) {
    const started = performance.now();
    const outcome = await attemptOnce(settings, spec, url);
    const durationMs = Math.round(performance.now() - started);

    if (outcome.kind === "answer" && outcome.status >= 200 && outcome.status < 300) {
      settings.logger.debug({ ...log, status: outcome.status, attempt, durationMs }, "bittitan request");
      const parsed = schema.safeParse(outcome.body);
      if (parsed.success) return parsed.data;
      throw new BitTitanInvalidResponseError(
        `BitTitan sent an unexpected response to ${spec.method} ${spec.path}: ${parsed.error.message}`,
        {
          status: outcome.status,
          attempts: attempt,
        },
      );
    }

    const transient = outcome.kind === "network" || TRANSIENT_STATUSES.has(outcome.status);
    const failure = outcome.kind === "network" ? describeNetworkError(outcome.error) : `HTTP ${outcome.status}`;
    const status = outcome.kind === "answer" ? outcome.status : undefined;
    if (!transient) {
      settings.logger.warn({ ...log, status, attempt, durationMs }, "bittitan request refused");
      throw classifyErrorResponse(outcome.status, outcome.body, outcome.retryAfterMs);
    }
    if (attempt >= maxAttempts) {
      settings.logger.error({ ...log, status, attempt, durationMs, failure }, "bittitan request failed, giving up");
      throw giveUp(outcome, spec, attempt);
    }
    const retryInMs = computeBackoffMs(attempt, {
      baseMs: settings.backoffMs,
      maxMs: settings.maxBackoffMs,
      random: settings.random,
    });
    settings.logger.warn(
      { ...log, status, attempt, durationMs, failure, retryInMs },
      "bittitan request failed, retrying",
    );
    await new Promise((resolve) => setTimeout(resolve, retryInMs));
  }
}

async function attemptOnce(settings: TransportSettings, spec: RequestSpec, url: URL): Promise<Attempt> {
  const headers: Record<string, string> = {
    accept: "application/json",
    authorization: `Bearer ${settings.apiKey}`,
    ...spec.headers,
  };
  if (spec.body !== undefined) headers["content-type"] = "application/json";
  try {
    // The timeout covers the whole exchange, body included: a stalled body is as bad as no answer.
    const response = await settings.fetch(url, {
      method: spec.method,
      headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    const text = await response.text();
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    return {
      kind: "answer",
      status: response.status,
      body: parseJson(text),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  } catch (error) {
    return { kind: "network", error };
  }
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function giveUp(outcome: Attempt, spec: RequestSpec, attempts: number): BitTitanError {
  const what = `${spec.method} ${spec.path}`;
  if (outcome.kind === "network") {
    return new BitTitanUnavailableError(
      `BitTitan could not be reached for ${what} (${describeNetworkError(outcome.error)}) after ${attempts} attempt(s)`,
      {
        attempts,
        cause: outcome.error,
      },
    );
  }
  const classified = classifyErrorResponse(outcome.status, outcome.body, outcome.retryAfterMs);
  return new BitTitanUnavailableError(`${classified.message} (${what}, ${attempts} attempt(s))`, {
    status: outcome.status,
    vendorCode: classified.vendorCode,
    attempts,
    ...(outcome.retryAfterMs === undefined ? {} : { retryAfterMs: outcome.retryAfterMs }),
  });
}
