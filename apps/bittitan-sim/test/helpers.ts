export const API_KEY = "sim-test-key";
export const ADMIN_TOKEN = "sim-test-admin";

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** A bare HTTP call, so these tests see exactly what any client would. */
export async function call(
  url: string,
  options: {
    method?: string;
    token?: string;
    body?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers["authorization"] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? "GET" : "POST"),
    headers,
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === "string"
          ? options.body
          : JSON.stringify(options.body),
    redirect: "manual",
    signal: options.signal,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML and empty bodies stay text.
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function couponBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    partner: { email: "partner@fabrikam.example", password: "Partner-Secret" },
    skuId: "mw-mailbox",
    licenseCount: 2,
    expireDays: 30,
    validityDays: 365,
    ...overrides,
  };
}
