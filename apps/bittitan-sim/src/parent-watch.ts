/** What the simulator tells CloudMarket over the IPC channel it was started with: it listens, or why not. */
export type SimulatorProcessMessage =
  | { type: "bittitan-sim-ready"; url: string }
  | { type: "bittitan-sim-failed"; code: string | null; message: string };

/**
 * Calls `onGone` once when the process that started this one is gone, so a
 * child never outlives a parent killed with SIGKILL (which cannot clean up).
 * The IPC channel, when there is one, closes the moment the parent dies; the
 * parent-pid check is the fallback without one (the orphan is re-parented,
 * so its ppid changes).
 */
export function watchParent(onGone: () => void, options: { intervalMs?: number } = {}): void {
  const parent = process.ppid;
  let gone = false;
  const report = () => {
    if (gone) return;
    gone = true;
    clearInterval(timer);
    onGone();
  };
  if (process.channel) process.once("disconnect", report);
  const timer = setInterval(() => {
    if (process.ppid !== parent || !isAlive(parent)) report();
  }, options.intervalMs ?? 1_000);
  timer.unref();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
