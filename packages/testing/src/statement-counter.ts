import type { Database } from "@cm/db";
import pg from "pg";

/**
 * Counts the SQL statements a database receives while it records, exactly,
 * at the driver: on PGlite every Parse message (one per extended-protocol
 * query, what Prisma and pg-boss send) and every simple Query message
 * (BEGIN, COMMIT, scripts); on a PostgreSQL server every `query` call of a
 * pg client in this process (Prisma's pool and pg-boss's). A script of
 * several statements sent at once counts as one round trip.
 */
export interface StatementCounter {
  /** The SQL text of every statement sent while `work` ran. */
  record(work: () => Promise<unknown>): Promise<string[]>;
  /** Puts the driver back as it was. */
  stop(): void;
}

const PARSE = 0x50; // 'P'
const QUERY = 0x51; // 'Q'
const decoder = new TextDecoder();

/** The query text of a Parse ('P' length name\0 query\0 ...) or Query ('Q' length query\0) message; null for others. */
function statementOf(message: Uint8Array): string | null {
  const kind = message[0];
  if (kind !== PARSE && kind !== QUERY) return null;
  let start = 5;
  if (kind === PARSE) start = message.indexOf(0, start) + 1;
  const end = message.indexOf(0, start);
  return decoder.decode(message.subarray(start, end < 0 ? message.length : end));
}

export function countStatements(database: Database): StatementCounter {
  let recording: string[] | null = null;
  const note = (sql: string | null) => {
    if (sql !== null) recording?.push(sql);
  };
  let stop: () => void;
  if (database.pglite) {
    const pglite = database.pglite;
    const original = pglite.execProtocolStream.bind(pglite);
    pglite.execProtocolStream = (message, options) => {
      note(statementOf(message));
      return original(message, options);
    };
    stop = () => {
      pglite.execProtocolStream = original;
    };
  } else {
    const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = prototype.query;
    prototype.query = function (this: unknown, ...args: unknown[]) {
      const [config] = args;
      note(typeof config === "string" ? config : ((config as { text?: string } | null)?.text ?? null));
      return original.apply(this, args);
    };
    stop = () => {
      prototype.query = original;
    };
  }
  return {
    async record(work) {
      if (recording) throw new Error("already recording");
      recording = [];
      try {
        await work();
        return recording;
      } finally {
        recording = null;
      }
    },
    stop,
  };
}

/**
 * The job queue's own statements, told apart from the product's: pg-boss's
 * (its job table, polling, maintenance) and the outbox workers' claims and
 * pending counts (marked with a `job queue:` comment), its fetch.
 */
export const isJobQueueStatement = (sql: string) => /\bpgboss\b|\/\* job queue: /i.test(sql);
