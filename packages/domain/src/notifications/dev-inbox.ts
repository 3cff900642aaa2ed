import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { Page } from "../schemas/common.ts";

export interface MailSettingsDto {
  /** "dev-inbox": the server's own SMTP server keeps every email (SMTP_URL not set). */
  target: "smtp" | "dev-inbox" | "none";
  from: string | null;
}

export interface DevInboxSummaryDto {
  id: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  receivedAt: Date;
}

export interface DevInboxMessageDto extends DevInboxSummaryDto {
  messageId: string | null;
  text: string;
  html: string | null;
}

export function getMailSettings(deps: DomainDeps): MailSettingsDto {
  return { target: deps.mailer?.target ?? "none", from: deps.mailer?.from ?? null };
}

function assertDevInbox(deps: DomainDeps): void {
  if (deps.mailer?.target !== "dev-inbox") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      "The dev inbox exists only while the server runs its own mail server (SMTP_URL not set)",
    );
  }
}

const summarySelect = {
  id: true,
  fromAddress: true,
  fromName: true,
  to: true,
  cc: true,
  bcc: true,
  subject: true,
  receivedAt: true,
} as const;

const fromOf = (row: { fromAddress: string; fromName: string | null }) =>
  row.fromName ? `${row.fromName} <${row.fromAddress}>` : row.fromAddress;

export async function listDevInbox(
  deps: DomainDeps,
  input: { page: number; pageSize: number },
): Promise<Page<DevInboxSummaryDto>> {
  assertDevInbox(deps);
  const [total, rows] = await Promise.all([
    deps.db.devInboxMessage.count(),
    deps.db.devInboxMessage.findMany({
      select: summarySelect,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  const items = rows.map(({ fromAddress, fromName, ...row }) => ({ ...row, from: fromOf({ fromAddress, fromName }) }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export async function getDevInboxMessage(deps: DomainDeps, id: string): Promise<DevInboxMessageDto> {
  assertDevInbox(deps);
  const row = await deps.db.devInboxMessage.findUnique({
    where: { id },
    select: { ...summarySelect, messageId: true, text: true, html: true },
  });
  if (!row) throw notFound("The message");
  const { fromAddress, fromName, ...rest } = row;
  return { ...rest, from: fromOf({ fromAddress, fromName }) };
}

export async function clearDevInbox(deps: DomainDeps): Promise<{ deleted: number }> {
  assertDevInbox(deps);
  const { count } = await deps.db.devInboxMessage.deleteMany();
  return { deleted: count };
}
