import { Agent, request } from "node:http";

/** One keep-alive agent per benchmark: every simulated customer reuses its connection, as a browser tab does. */
export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface RawResponse {
  status: number;
  body: string;
  setCookies: string[];
}

/**
 * A cookie-keeping HTTP client that calls tRPC over HTTP the way the apps do
 * (superjson envelopes `{"json": ...}`, Origin on writes), like
 * apps/server/test/http-harness.ts, but on node:http with a keep-alive agent
 * so the load generator costs as little CPU as possible.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  private readonly base: URL;

  constructor(
    readonly baseUrl: string,
    private readonly agent: Agent,
  ) {
    this.base = new URL(baseUrl);
  }

  private send(method: "GET" | "POST", path: string, body?: string): Promise<RawResponse> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    if (body !== undefined) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    if (method !== "GET") headers.origin = this.base.origin;
    return new Promise((resolve, reject) => {
      const req = request(
        { host: this.base.hostname, port: this.base.port, path, method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const setCookie = res.headers["set-cookie"] ?? [];
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString("utf8"),
              setCookies: setCookie,
            });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  private keepCookies(setCookies: string[]) {
    for (const cookie of setCookies) {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/max-age=0/i.test(cookie) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async signIn(realm: "staff" | "shop", email: string, password: string): Promise<void> {
    const response = await this.send("POST", `/api/auth/${realm}/sign-in/email`, JSON.stringify({ email, password }));
    this.keepCookies(response.setCookies);
    if (response.status !== 200)
      throw new HttpError(
        response.status,
        "SIGN_IN",
        `sign-in of ${email} failed: ${response.status} ${response.body.slice(0, 300)}`,
      );
  }

  private unwrap<T>(path: string, response: RawResponse): T {
    this.keepCookies(response.setCookies);
    let parsed: {
      result?: { data?: { json?: unknown } };
      error?: { json?: { message?: string; data?: { code?: string } } };
    };
    try {
      parsed = JSON.parse(response.body) as typeof parsed;
    } catch {
      throw new HttpError(response.status, "NOT_JSON", `${path}: ${response.status} ${response.body.slice(0, 200)}`);
    }
    if (response.status !== 200 || parsed.error) {
      const error = parsed.error?.json;
      throw new HttpError(
        response.status,
        error?.data?.code ?? "UNKNOWN",
        `${path}: ${response.status} ${error?.message ?? response.body.slice(0, 200)}`,
      );
    }
    return parsed.result?.data?.json as T;
  }

  /** A tRPC query: GET /trpc/<path>?input={"json":...} */
  async query<T>(path: string, input?: unknown): Promise<T> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return this.unwrap<T>(path, await this.send("GET", `/trpc/${path}${search}`));
  }

  /** A tRPC mutation: POST /trpc/<path> with {"json":...} */
  async mutate<T>(path: string, input?: unknown): Promise<T> {
    return this.unwrap<T>(
      path,
      await this.send("POST", `/trpc/${path}`, JSON.stringify(input === undefined ? {} : { json: input })),
    );
  }
}
