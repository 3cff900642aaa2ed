import type { Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { Page } from "../schemas/common.ts";
import type { ListEmailMessagesInput } from "../schemas/notifications.ts";
import {
  accountNames,
  emailSummarySelect,
  toEmailSummary,
  type EmailMessageDetailDto,
  type EmailMessageSummaryDto,
} from "./notification-dto.ts";
import { containsExactly, containsText } from "../shared/text-match.ts";

/** The delivery log: newest first, filtered by status, template and recipient/subject. */
export async function listEmailMessages(
  deps: DomainDeps,
  input: ListEmailMessagesInput,
): Promise<Page<EmailMessageSummaryDto>> {
  const where: Prisma.EmailMessageWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.templateKey ? { templateKey: input.templateKey } : {}),
    ...(input.search
      ? {
          OR: [
            { subject: containsText(input.search) },
            { eventKey: containsExactly(input.search) },
            { recipients: { has: input.search.toLowerCase() } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    deps.db.emailMessage.count({ where }),
    deps.db.emailMessage.findMany({
      where,
      select: emailSummarySelect,
      orderBy: [{ queuedAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  const names = await accountNames(deps.db, rows);
  return { items: rows.map((row) => toEmailSummary(row, names)), total, page: input.page, pageSize: input.pageSize };
}

export async function getEmailMessage(deps: DomainDeps, id: string): Promise<EmailMessageDetailDto> {
  const row = await deps.db.emailMessage.findUnique({
    where: { id },
    select: {
      ...emailSummarySelect,
      fromName: true,
      fromAddress: true,
      messageId: true,
      html: true,
      text: true,
      lastAttemptAt: true,
      failedAt: true,
      resends: { select: { id: true, status: true, queuedAt: true, requestedBy: true }, orderBy: { queuedAt: "asc" } },
    },
  });
  if (!row) throw notFound("The email");
  const { fromName, fromAddress, messageId, html, text, lastAttemptAt, failedAt, resends, ...summary } = row;
  return {
    ...toEmailSummary(summary, await accountNames(deps.db, [summary])),
    from: `"${fromName}" <${fromAddress}>`,
    messageId,
    html,
    text,
    lastAttemptAt,
    failedAt,
    resends,
  };
}
