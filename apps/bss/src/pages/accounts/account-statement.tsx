import {
  BalanceSummary,
  Card,
  Loading,
  StatementCard,
  defaultStatementPeriod,
  type StatementPeriodValues,
} from "@cm/ui";
import { useTRPC } from "@cm/ui/api";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";

/** What the account owes now (or is owed). */
export function AccountBalanceCard({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const balance = useQuery(trpc.bss.account.balance.queryOptions({ id: accountId }));
  return (
    <Card title="Balance">
      {balance.data ? <BalanceSummary balances={balance.data} perspective="distributor" /> : <Loading />}
    </Card>
  );
}

/** The account's statement for a period, with its PDF. */
export function AccountStatementCard({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const [period, setPeriod] = useState<StatementPeriodValues>(() => defaultStatementPeriod());
  const statement = useQuery({
    ...trpc.bss.account.statement.queryOptions({ accountId, ...period }),
    placeholderData: keepPreviousData,
  });
  const query = new URLSearchParams({
    from: period.from,
    to: period.to,
    ...(period.currency ? { currency: period.currency } : {}),
  });
  return (
    <StatementCard
      perspective="distributor"
      period={period}
      onPeriod={setPeriod}
      statement={statement}
      pdfHref={`/api/bss/accounts/${accountId}/statement/pdf?${query.toString()}`}
    />
  );
}
