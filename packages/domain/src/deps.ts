import type { PrismaClient } from "@cm/db";
import type { Clock } from "./clock.ts";

/** The pino-compatible subset of a logger the services use. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** Everything a service may touch besides its input. */
export interface DomainDeps {
  db: PrismaClient;
  clock: Clock;
  logger: Logger;
}
