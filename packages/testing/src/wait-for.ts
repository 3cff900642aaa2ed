/**
 * Polls `read` until `done` holds for what it returns, and returns that. The
 * deadline is generous on purpose: tests wait for a state, never for a speed.
 */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `waitFor: ${options.what ?? "the condition"} did not hold in time; last value: ${JSON.stringify(value)?.slice(0, 500)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}
