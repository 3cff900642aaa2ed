// `npm run setup`: a real deployment's first run. Creates the distributor
// (company, country, currency, time zone) and its first administrator on the
// embedded database in DATA_DIR or on DATABASE_URL, from flags or, on a
// terminal, by asking. Refuses, changing nothing, once an administrator exists.
import { parseArgs } from "node:util";
import { DatabaseInUseError, migrateDatabase, openDatabase, type Database } from "@cm/db";
import {
  ALREADY_SET_UP,
  DomainError,
  instanceSetupInput,
  isSetupNeeded,
  setupInstance,
  type InstanceSetupInput,
} from "@cm/domain";
import { protectDataDir } from "./data-dir-mode.ts";
import { readEnv } from "./env.ts";
import { terminalPrompter, type Prompter } from "./prompt.ts";

type Field = keyof InstanceSetupInput;

interface Question {
  field: Field;
  flag: string;
  label: string;
  required: boolean;
  hidden?: boolean;
  suggestion?: () => string | undefined;
}

const QUESTIONS: Question[] = [
  { field: "companyName", flag: "company", label: "Company name", required: true },
  { field: "country", flag: "country", label: "Country (ISO code, e.g. DE)", required: true },
  { field: "currency", flag: "currency", label: "Currency (ISO code, e.g. EUR)", required: true },
  {
    field: "timeZone",
    flag: "timezone",
    label: "Time zone",
    required: true,
    suggestion: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
  },
  { field: "adminName", flag: "admin-name", label: "Administrator's name", required: true },
  { field: "adminEmail", flag: "admin-email", label: "Administrator's email", required: true },
  {
    field: "adminPassword",
    flag: "admin-password",
    label: "Administrator's password (at least 12 characters)",
    required: true,
    hidden: true,
  },
  {
    field: "companyEmail",
    flag: "company-email",
    label: "Company billing email (optional, default: the administrator's)",
    required: false,
  },
  { field: "addressLine1", flag: "address", label: "Street address (optional, printed on invoices)", required: false },
  { field: "postalCode", flag: "postal-code", label: "Postal code (optional)", required: false },
  { field: "city", flag: "city", label: "City (optional)", required: false },
  { field: "taxId", flag: "vat-number", label: "VAT number (optional)", required: false },
];

const USAGE = `Usage: npm run setup -- [options]

Creates the distributor and its first administrator (run it before npm start,
or use the set-up page the server offers at /bss/setup). Without flags it asks.

  --company <name>          company name                     (required)
  --country <code>          ISO 3166 country, e.g. DE        (required)
  --currency <code>         ISO 4217 currency, e.g. EUR      (required)
  --timezone <zone>         IANA time zone, e.g. Europe/Berlin (required)
  --admin-name <name>       the first administrator          (required)
  --admin-email <email>                                      (required)
  --admin-password <pw>     at least 12 characters; or set SETUP_ADMIN_PASSWORD,
                            or leave it out to be asked without echo
  --company-email <email>   billing email (default: the administrator's)
  --address <line>, --postal-code <code>, --city <city>, --vat-number <id>
                            printed on invoices; also editable later in the BSS
                            under Setup > Company

The database is the embedded one in DATA_DIR (default ./data), or DATABASE_URL.`;

/** Exit codes: 0 set up, 1 refused (already set up, database busy), 2 bad input. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(QUESTIONS.map((question) => [question.flag, { type: "string" as const }])),
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const flags = values as Record<string, string | boolean | undefined>;
  const given: Partial<Record<Field, string>> = {};
  for (const question of QUESTIONS) {
    const value = flags[question.flag];
    if (typeof value === "string") given[question.field] = value;
  }
  given.adminPassword ??= process.env.SETUP_ADMIN_PASSWORD;

  const env = readEnv(process.env);
  // The embedded database's files: owner only, as the server makes them.
  if (!env.DATABASE_URL) protectDataDir(env.dataDir);
  const db = await openDatabase(
    env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 2 } : { dataDir: `${env.dataDir}/pglite` },
  );
  try {
    await migrateDatabase(db);
    // Before asking anything: an instance that is set up stays as it is.
    if (!(await isSetupNeeded({ db: db.prisma }))) {
      process.stderr.write(`${ALREADY_SET_UP}\n`);
      return 1;
    }
    const answers = await collect(given);
    if (!answers) return 2;
    const { admin } = await setupInstance({ db: db.prisma }, answers);
    process.stdout.write(
      [
        "",
        `  ${answers.companyName} is set up.`,
        `  ${admin.name} (${admin.email}) signs in to the BSS at ${env.publicUrl}/bss/ once the server runs (npm start).`,
        "  Next: BitTitan (activate the Service Manager), then Catalog, Accounts.",
        "",
      ].join("\n"),
    );
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      process.stderr.write(`${error.message}\n`);
      return error.code === "CONFLICT" ? 1 : 2;
    }
    throw error;
  } finally {
    await close(db);
  }
}

/** The validated answers: flags first, then questions on a terminal for what is missing or wrong. */
async function collect(given: Partial<Record<Field, string>>) {
  const interactive = process.stdin.isTTY === true;
  const prompter = interactive ? terminalPrompter() : null;
  try {
    const answers: Partial<Record<Field, string>> = { ...given };
    if (prompter) {
      for (const question of QUESTIONS) {
        if (answers[question.field] !== undefined && fieldProblem(question.field, answers[question.field]) === null)
          continue;
        if (answers[question.field] !== undefined)
          process.stdout.write(`  ${question.label}: ${fieldProblem(question.field, answers[question.field])}\n`);
        answers[question.field] = await ask(prompter, question);
      }
    }
    const parsed = instanceSetupInput.safeParse(answers);
    if (parsed.success) return parsed.data;
    process.stderr.write("Cannot set up the instance:\n");
    for (const issue of parsed.error.issues) {
      const question = QUESTIONS.find((candidate) => candidate.field === issue.path[0]);
      process.stderr.write(`  --${question?.flag ?? String(issue.path[0])}: ${issue.message}\n`);
    }
    if (!interactive)
      process.stderr.write(
        "Give the missing values as flags (npm run setup -- --help), or run it on a terminal to be asked.\n",
      );
    return null;
  } finally {
    prompter?.close();
  }
}

async function ask(prompter: Prompter, question: Question): Promise<string | undefined> {
  for (;;) {
    const suggestion = question.suggestion?.();
    const prompt = `  ${question.label}${suggestion ? ` [${suggestion}]` : ""}: `;
    const answer =
      (question.hidden ? await prompter.askHidden(prompt) : await prompter.ask(prompt)).trim() || suggestion || "";
    if (answer === "" && !question.required) return undefined;
    const problem = fieldProblem(question.field, answer);
    if (problem === null && question.hidden && (await prompter.askHidden("  The same password again: ")) !== answer) {
      process.stdout.write("  The two passwords differ; again.\n");
      continue;
    }
    if (problem === null) return answer;
    process.stdout.write(`  ${problem}\n`);
  }
}

function fieldProblem(field: Field, value: string | undefined): string | null {
  const result = instanceSetupInput.shape[field].safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "Not valid");
}

async function close(db: Database): Promise<void> {
  await db.close().catch(() => undefined);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DatabaseInUseError) {
      process.stderr.write(
        `${error.message}\nWhile the server runs, set up in the browser at /bss/setup instead (its log shows the setup token).\n`,
      );
      process.exit(1);
    }
    process.stderr.write(`Set-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
