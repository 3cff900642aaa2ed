import { createServer } from "node:net";

/** A port the product needs is taken by another program (or another CloudMarket). */
export class PortInUseError extends Error {
  override readonly name = "PortInUseError";
  constructor(
    readonly port: number,
    readonly variable: string,
    readonly purpose: string,
  ) {
    super(
      `Port ${port} (${purpose}) is already in use: another CloudMarket or another program is listening there. ` +
        `Stop it, or set ${variable}=<another port>.`,
    );
  }
}

export const isAddressInUse = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException | null)?.code === "EADDRINUSE";

/**
 * Refuses to start on a taken port before anything else starts, so a start
 * never half-runs or talks to a foreign service listening there. The real
 * listen reports it the same way if the port is taken in between.
 */
export async function ensurePortFree(options: {
  host: string;
  port: number;
  variable: string;
  purpose: string;
}): Promise<void> {
  if (options.port === 0) return;
  // A few seconds' grace: right after a SIGKILL the old simulator is still stopping (it noticed, and frees the port).
  const deadline = Date.now() + 5_000;
  while (!(await canListen(options.host, options.port))) {
    if (Date.now() > deadline) throw new PortInUseError(options.port, options.variable, options.purpose);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error) => (isAddressInUse(error) ? resolve(false) : reject(error)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
