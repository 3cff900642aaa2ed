import { BitTitanClient, type Logger as ClientLogger } from "@cm/provisioning";
import type { PrismaClient } from "@cm/db";
import { DomainError } from "../errors.ts";
import type { SecretBox } from "../shared/secret-box.ts";

export interface BitTitanGatewayOptions {
  timeoutMs: number;
  maxAttempts: number;
  backoffMs: number;
  logger: ClientLogger;
}

/**
 * Hands out a BitTitan client for the saved, activated connection. The API
 * key is decrypted only here, and the client is rebuilt when the settings change.
 */
export class BitTitanGateway {
  private cached: { version: number; client: BitTitanClient } | undefined;

  constructor(
    private readonly db: PrismaClient,
    private readonly secrets: SecretBox,
    readonly options: BitTitanGatewayOptions,
  ) {}

  /** A client for these settings, before they are saved (activation tests them). */
  clientFor(baseUrl: string, apiKey: string): BitTitanClient {
    return new BitTitanClient({ baseUrl, apiKey, ...this.options });
  }

  async client(): Promise<BitTitanClient> {
    const connection = await this.db.bitTitanConnection.findUnique({
      where: { id: 1 },
      select: { baseUrl: true, apiKeyCipher: true, active: true, updatedAt: true },
    });
    if (!connection?.active) {
      throw new DomainError("PRECONDITION_FAILED", "The BitTitan Service Manager is not activated: activate it in the BSS first");
    }
    const version = connection.updatedAt.getTime();
    if (this.cached?.version !== version) {
      this.cached = { version, client: this.clientFor(connection.baseUrl, this.secrets.decrypt(connection.apiKeyCipher)) };
    }
    return this.cached.client;
  }
}
