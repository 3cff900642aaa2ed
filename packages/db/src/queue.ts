import { createHash } from "node:crypto";
import PgBoss from "pg-boss";
import type { Database } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";

/**
 * Durable background jobs on PostgreSQL with pg-boss: on the embedded PGlite
 * it runs its SQL on the same in-process instance, on a PostgreSQL server it
 * has its own pool. A job is enqueued inside the business transaction that
 * causes it (`send(..., { tx })`), so it exists exactly when that commits.
 */
export interface QueueDefinition {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A job still active after this long (its worker died) is retried. */
  expireInSeconds: number;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
}

export interface SendOptions {
  /** Enqueue inside this Prisma transaction. */
  tx?: Prisma.TransactionClient;
  startAfter?: Date | number;
  id?: string;
}

export interface JobQueue {
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  work<T>(
    name: string,
    options: { batchSize?: number; pollingIntervalSeconds?: number },
    handler: (jobs: Job<T>[]) => Promise<void>,
  ): Promise<string>;
  /**
   * Works a queue whose items are rows of the product's own tables (an outbox):
   * `claim` takes up to `batchSize` due rows under a lease, in one statement,
   * and each is handled concurrently. A full batch is followed by the next at
   * once; otherwise the worker waits for notify(name) or its poll (`workers`
   * loops, so one slow row does not hold up the rest). Nothing is
   * enqueued anywhere else: a committed row is the job. drain(names) waits
   * until `pending` counts none; stop() ends the loop after its batch.
   */
  workRows<T>(
    name: string,
    options: { batchSize: number; pollingIntervalSeconds: number; workers?: number },
    rows: { claim: (limit: number) => Promise<T[]>; handle: (row: T) => Promise<void>; pending: () => Promise<number> },
  ): void;
  schedule(name: string, cron: string, data?: object): Promise<void>;
  /**
   * Wakes one of this process's workers of the queue now instead of at its next
   * poll. Call it after committing a transaction that sent a job there; jobs of
   * other processes and uncalled ones still run at the next poll.
   */
  notify(name: string): void;
  /** Which of these values have a job of the queue waiting, retrying or running whose `data[field]` is that value. */
  pendingJobs(name: string, field: string, values: string[]): Promise<Set<string>>;
  /** Waits until no job of these queues is queued or running (tests, benchmarks). */
  drain(names: string[], timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const SCHEMA = "pgboss";

/** A job id made from `seed`: sending twice with it enqueues once (as long as pg-boss keeps the first job). */
export function jobIdFrom(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join("-");
}

type Executor = { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

/** JSON-typed parameters must reach the driver as JSON text on every driver. */
const toParams = (values: unknown[]) =>
  values.map((value) =>
    value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)
      ? JSON.stringify(value)
      : value,
  );

function transactionExecutor(tx: Prisma.TransactionClient): Executor {
  return {
    executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...toParams(values)) }),
  };
}

export async function startJobQueue(
  database: Database,
  options: {
    queues: QueueDefinition[];
    /** Queues no longer used: deleted with their jobs and schedule (a no-op once gone). */
    retiredQueues?: string[];
    onError?: (error: unknown) => void;
    maintenanceIntervalSeconds?: number;
  },
): Promise<JobQueue> {
  const common = {
    schema: SCHEMA,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 15,
    monitorStateIntervalSeconds: 60,
  };
  const boss = database.pglite
    ? new PgBoss({ ...common, db: pgliteExecutor(database.pglite) })
    : new PgBoss({ ...common, connectionString: database.url, max: 5 });
  boss.on("error", (error) => options.onError?.(error));
  await boss.start();
  if (database.pglite) {
    // The embedded database belongs to this one process: a job still marked
    // active was cut off by a crash, so it can run again at once.
    await database.pglite.query(`UPDATE ${SCHEMA}.job SET state = 'retry', start_after = now() WHERE state = 'active'`);
  }
  for (const queue of options.queues) {
    const settings = {
      name: queue.name,
      retryLimit: queue.retryLimit,
      retryDelay: queue.retryDelaySeconds,
      retryBackoff: queue.retryBackoff,
      expireInSeconds: queue.expireInSeconds,
    };
    if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, settings);
    else await boss.createQueue(queue.name, settings);
  }
  for (const name of options.retiredQueues ?? []) await boss.deleteQueue(name);
  /** This process's workers per queue, and a turn counter to wake them in rotation. */
  const workers = new Map<string, string[]>();
  let notifications = 0;
  /** This process's row-queue loops per queue, with the count drain waits on. */
  const rowQueues = new Map<string, { loops: RowWorker[]; pending: () => Promise<number> }>();
  return {
    send: (name, data, sendOptions = {}) =>
      boss.send(name, data, {
        ...(sendOptions.tx ? { db: transactionExecutor(sendOptions.tx) } : {}),
        ...(sendOptions.startAfter !== undefined ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.id ? { id: sendOptions.id } : {}),
      }),
    work: async (name, workOptions, handler) => {
      const id = await boss.work(
        name,
        { batchSize: workOptions.batchSize ?? 1, pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 1 },
        async (jobs) => {
          await handler(jobs.map((job) => ({ id: job.id, name: job.name, data: job.data as never })));
        },
      );
      workers.set(name, [...(workers.get(name) ?? []), id]);
      return id;
    },
    workRows: (name, workOptions, rows) => {
      if (rowQueues.has(name)) throw new Error(`queue ${name} already has a row worker`);
      const loops = Array.from({ length: workOptions.workers ?? 1 }, () =>
        startRowWorker(workOptions, rows, (error) => options.onError?.(error)),
      );
      rowQueues.set(name, { loops, pending: rows.pending });
    },
    notify: (name) => {
      const rowQueue = rowQueues.get(name);
      if (rowQueue) {
        // An idle loop claims now; with none idle, a busy one claims again right after its batch.
        const { loops } = rowQueue;
        notifications += 1;
        (loops.find((loop) => loop.idle()) ?? loops[notifications % loops.length])?.wake();
        return;
      }
      const ids = workers.get(name);
      if (!ids?.length) return;
      notifications += 1;
      boss.notifyWorker(ids[notifications % ids.length] as string);
    },
    schedule: (name, cron, data) => boss.schedule(name, cron, data ?? {}, { tz: "UTC" }),
    pendingJobs: async (name, field, values) => {
      if (values.length === 0) return new Set();
      const { rows } = await boss
        .getDb()
        .executeSql(
          `SELECT DISTINCT data->>$2 AS value FROM ${SCHEMA}.job WHERE name = $1 AND state < 'completed' AND data->>$2 IN (SELECT jsonb_array_elements_text($3::jsonb))`,
          [name, field, JSON.stringify(values)],
        );
      return new Set((rows as { value: string }[]).map((row) => row.value));
    },
    drain: async (names, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        let pending = 0;
        for (const name of names) {
          const rowQueue = rowQueues.get(name);
          pending += rowQueue ? await rowQueue.pending() : await boss.getQueueSize(name, { before: "completed" });
        }
        if (pending === 0) return;
        if (Date.now() > deadline) throw new Error(`queues ${names.join(", ")} still have ${pending} jobs`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: async () => {
      await Promise.all([...rowQueues.values()].flatMap(({ loops }) => loops.map((loop) => loop.stop())));
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

interface RowWorker {
  wake(): void;
  idle(): boolean;
  stop(): Promise<void>;
}

/** The loop behind workRows: claim a batch, handle it, and go on at once while batches come full. */
function startRowWorker<T>(
  options: { batchSize: number; pollingIntervalSeconds: number },
  rows: { claim: (limit: number) => Promise<T[]>; handle: (row: T) => Promise<void> },
  onError: (error: unknown) => void,
): RowWorker {
  let stopped = false;
  let woken = false;
  let wakeUp: (() => void) | null = null;
  const pause = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.pollingIntervalSeconds * 1000);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let full = false;
      try {
        const batch = await rows.claim(options.batchSize);
        full = batch.length === options.batchSize;
        // One row's failure is its handler's to record; an unexpected one is reported, and the row's lease runs out.
        const results = await Promise.allSettled(batch.map((row) => rows.handle(row)));
        for (const result of results) if (result.status === "rejected") onError(result.reason);
      } catch (error) {
        onError(error);
      }
      // A wake during the batch (a row committed meanwhile) or a full batch: claim again now.
      if (!stopped && !full && !woken) await pause();
    }
  })();
  return {
    wake: () => {
      woken = true;
      wakeUp?.();
    },
    idle: () => wakeUp !== null,
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}

function pgliteExecutor(pglite: NonNullable<Database["pglite"]>): Executor {
  return {
    executeSql: async (text, values) => {
      // pg-boss sends its schema scripts as multi-statement text without parameters.
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      return pglite.query(text, toParams(values));
    },
  };
}
