import { say } from "./stats.ts";

const tasks: { name: string; run: () => Promise<unknown> }[] = [];

/** Registers something to stop at the end (or on Ctrl+C): clusters, servers, browsers. Returns the unregister function. */
export function onCleanup(name: string, run: () => Promise<unknown>): () => void {
  const task = { name, run };
  tasks.push(task);
  return () => {
    const index = tasks.indexOf(task);
    if (index >= 0) tasks.splice(index, 1);
  };
}

/** Stops everything still registered, newest first. */
export async function cleanUp(): Promise<void> {
  while (tasks.length > 0) {
    const task = tasks.pop();
    if (!task) break;
    await task.run().catch((error: unknown) => say(`cleanup of ${task.name} failed: ${String(error)}`));
  }
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    say(`${signal}: stopping what the benchmark started`);
    void cleanUp().finally(() => process.exit(130));
  });
}
