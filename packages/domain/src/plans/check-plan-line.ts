import type { Prisma } from "@cm/db";
import { DomainError } from "../errors.ts";
import { checkAlias } from "./check-alias.ts";
import { currentPlanOf } from "./current-plan.ts";
import { planChangeProblem } from "./plan-rules.ts";

/**
 * Early, friendly answers about a plan line (adding it to a basket, saving a
 * BSS draft): only resellers take plans, the plan change must be one they may
 * buy, and an alias given must be usable. The order's execution checks all of
 * it again under locks (start-subscription.ts).
 */
export async function checkPlanLine(
  tx: Prisma.TransactionClient,
  buyer: { id: string; kind: string },
  line: { planCode: "FREE" | "STANDARD"; planName: string; storefrontAlias: string | null },
  aliasField: string,
): Promise<void> {
  if (buyer.kind !== "RESELLER") throw new DomainError("INVALID", "Reseller plans are for resellers", "accountId");
  const current = await currentPlanOf(tx, buyer.id);
  const problem = planChangeProblem(current.inEffect, line.planCode, line.planName);
  if (problem) throw new DomainError("PRECONDITION_FAILED", problem);
  if (!line.storefrontAlias) return;
  const alias = await checkAlias(tx, buyer.id, line.storefrontAlias);
  if (!alias.available)
    throw new DomainError(
      alias.reason === "taken" ? "CONFLICT" : "INVALID",
      alias.message ?? "Choose another alias",
      aliasField,
    );
}
