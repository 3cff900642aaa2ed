import { BitTitanClient, CircuitBreaker, type Logger } from "@cm/provisioning";
import type { PrismaClient } from "@cm/db";
import { DomainError } from "../errors.ts";
import type { SecretBox } from "./secret-box.ts";

export interface BitTitanGatewayOptions {
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  logger: Logger;
  /** Circuit breaker settings (defaults: open after 5 failed calls in a row, probe every 5 s). */
  breaker?: { failureThreshold?: number; probeIntervalMs?: number };
}

/**
 * Hands out a BitTitan client for the saved, activated connection. The API
 * key is decrypted only here, and the client is rebuilt when the settings change.
 */
export class BitTitanGateway {
  private cached: { version: number; client: BitTitanClient; breaker: CircuitBreaker } | undefined;
  private readonly recoveryListeners: (() => void)[] = [];

  constructor(
    private readonly db: PrismaClient,
    private readonly secrets: SecretBox,
    readonly options: BitTitanGatewayOptions,
  ) {}

  /** A client for these settings; without `breaker` (activation tests settings before they are saved) no circuit breaker. */
  clientFor(baseUrl: string, apiKey: string, breaker?: CircuitBreaker): BitTitanClient {
    const { breaker: _settings, ...options } = this.options;
    return new BitTitanClient({ baseUrl, apiKey, ...options, breaker });
  }

  async client(): Promise<BitTitanClient> {
    const connection = await this.db.bitTitanConnection.findUnique({
      where: { id: 1 },
      select: { baseUrl: true, apiKeyCipher: true, active: true, updatedAt: true },
    });
    if (!connection?.active) {
      throw new DomainError(
        "PRECONDITION_FAILED",
        "The BitTitan Service Manager is not activated: activate it in the BSS first",
      );
    }
    const version = connection.updatedAt.getTime();
    if (this.cached?.version !== version) {
      const breaker = new CircuitBreaker({ ...this.options.breaker, onChange: (state) => this.circuitChanged(state) });
      const client = this.clientFor(connection.baseUrl, this.secrets.decrypt(connection.apiKeyCipher), breaker);
      this.cached = { version, client, breaker };
    }
    return this.cached.client;
  }

  /** "closed" while BitTitan answers; "open" while calls are refused after repeated failures. */
  get circuitState(): "closed" | "open" {
    return this.cached?.breaker.state ?? "closed";
  }

  /** Runs `listener` each time BitTitan answers again after an outage (the circuit closes). */
  onRecovered(listener: () => void): void {
    this.recoveryListeners.push(listener);
  }

  private circuitChanged(state: "open" | "closed"): void {
    if (state === "open") {
      this.options.logger.warn(
        {},
        "BitTitan keeps failing: calls are paused, probing every few seconds (circuit open)",
      );
      return;
    }
    this.options.logger.info({}, "BitTitan answers again (circuit closed)");
    for (const listener of this.recoveryListeners) listener();
  }
}
