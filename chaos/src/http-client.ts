import superjson from "superjson";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A cookie-keeping client of the product's HTTP API that behaves like a
 * careful browser: a request that got no answer (server down, connection
 * reset, 502/503) is sent again, unchanged, until it gets one. Mutations
 * carry idempotency keys, so repeating them is safe.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();
  retries = 0;

  constructor(
    readonly baseUrl: string,
    private readonly giveUpAfterMs = 300_000,
  ) {}

  private async send(path: string, init: { method: string; body?: string }): Promise<Response> {
    const started = Date.now();
    for (;;) {
      try {
        const response = await fetch(this.baseUrl + path, {
          method: init.method,
          headers: {
            ...(init.body ? { "content-type": "application/json" } : {}),
            ...(init.method !== "GET" ? { origin: this.baseUrl } : {}),
            ...(this.cookies.size > 0
              ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") }
              : {}),
          },
          body: init.body,
          signal: AbortSignal.timeout(30_000),
        });
        if (response.status === 502 || response.status === 503) throw new Error(`status ${response.status}`);
        for (const cookie of response.headers.getSetCookie()) {
          const [pair = ""] = cookie.split(";");
          const index = pair.indexOf("=");
          this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
        }
        return response;
      } catch (error) {
        if (Date.now() - started > this.giveUpAfterMs) throw error;
        this.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 250));
      }
    }
  }

  async signIn(realm: "staff" | "shop", email: string, password: string): Promise<void> {
    const response = await this.send(`/api/auth/${realm}/sign-in/email`, {
      method: "POST",
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok)
      throw new HttpError(
        response.status,
        undefined,
        `sign-in of ${email} failed: ${response.status} ${await response.text()}`,
      );
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    return this.read<T>(await this.send(`/trpc/${path}${query}`, { method: "GET" }));
  }

  async mutate<T>(path: string, input?: unknown): Promise<T> {
    const body = JSON.stringify(superjson.serialize(input ?? {}));
    for (;;) {
      try {
        return await this.read<T>(await this.send(`/trpc/${path}`, { method: "POST", body }));
      } catch (error) {
        // The same idempotency key is still running elsewhere: ask again shortly, as the message says.
        if (!(error instanceof HttpError && error.code === "CONFLICT" && /already being processed/.test(error.message)))
          throw error;
        this.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }

  private async read<T>(response: Response): Promise<T> {
    const body = (await response.json()) as {
      result?: { data: Parameters<typeof superjson.deserialize>[0] };
      error?: { json: { message: string; data?: { code?: string } } };
    };
    if (body.error || !body.result) {
      const error = body.error?.json;
      throw new HttpError(response.status, error?.data?.code, error?.message ?? `HTTP ${response.status}`);
    }
    return superjson.deserialize<T>(body.result.data);
  }
}
