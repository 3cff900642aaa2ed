import { startSmtpReceiver, type ReceivedEmail, type SmtpReceiver } from "@cm/notifications/smtp";

export type { ReceivedEmail } from "@cm/notifications/smtp";

export interface TestSmtpServer {
  /** smtp://127.0.0.1:port */
  url: string;
  port: number;
  /** Everything received so far, oldest first. */
  messages: ReceivedEmail[];
  /** The first message (received or still to come) that matches. */
  waitFor(predicate: (message: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  /** Stops listening: senders get "connection refused", as with a mail server that is down. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives, for integration and e2e tests. */
export async function startTestSmtpServer(options: { port?: number } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedEmail[] = [];
  const listen = (port: number) => startSmtpReceiver({ port, onMessage: (mail) => void messages.push(mail) });
  let receiver: SmtpReceiver | null = await listen(options.port ?? 0);
  const port = receiver.port;
  return {
    url: receiver.url,
    port,
    messages,
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = messages.map((message) => `${message.to.join(",")}: ${message.subject}`).join("\n  ");
          throw new Error(`no matching email within ${timeoutMs} ms; received ${messages.length}:\n  ${seen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      await receiver?.close();
      receiver = null;
    },
    async start() {
      receiver ??= await listen(port);
    },
  };
}
