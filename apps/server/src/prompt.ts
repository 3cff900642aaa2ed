import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";

/** Questions on a terminal: plain answers through readline, passwords without echo. */
export interface Prompter {
  ask(question: string): Promise<string>;
  askHidden(question: string): Promise<string>;
  close(): void;
}

export function terminalPrompter(): Prompter {
  // readline echoes what is typed through its output; muting that stream hides a password as it is typed.
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const lines = createInterface({ input: process.stdin, output, terminal: true });
  return {
    ask: (question) => lines.question(question),
    askHidden: async (question) => {
      process.stdout.write(question);
      muted = true;
      try {
        return await lines.question("");
      } finally {
        muted = false;
        process.stdout.write("\n");
      }
    },
    close: () => lines.close(),
  };
}
