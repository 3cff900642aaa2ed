import {
  AddressBlock,
  Alert,
  Button,
  Card,
  Details,
  Loading,
  PageHeader,
  Table,
  apiErrorMessage,
  fieldErrorsOf,
  formLevelMessages,
  formatMoney,
  taxRateText,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { Totals } from "../components/totals.tsx";
import { PlanAliasCard } from "../plans/plan-alias-card.tsx";

/** Checkout step 2: billing information and contact for verification, then "Complete order". */
export function CheckoutPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const review = useQuery(trpc.storefront.checkout.review.queryOptions());
  // One key per visit of this page: a double click or a retried request makes one order.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [storefrontAlias, setStorefrontAlias] = useState("");
  const complete = useMutation(
    trpc.storefront.checkout.complete.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.pathKey() });
        void navigate(`/orders/${result.orderId}`, { replace: true });
      },
    }),
  );
  if (review.isPending) return <Loading />;
  if (review.isError) return <Alert tone="error">{apiErrorMessage(review.error)}</Alert>;
  const { basket, billing, billingContact } = review.data;
  if (basket.lines.length === 0 && !complete.isSuccess) return <Navigate to="/basket" replace />;
  const hasPlan = basket.lines.some((line) => line.kind === "plan");
  // A refused alias is said under the alias field, so not again beside the button.
  const refusal = formLevelMessages(complete.error, (path) =>
    hasPlan && path === "storefrontAlias" ? path : undefined,
  ).join(" ");

  return (
    <>
      <PageHeader title="Checkout" subtitle="Step 2 of 2: check the billing details, then complete the order" />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Billing information">
            <Details
              items={[
                { label: "Company", value: billing.companyName },
                { label: "Email", value: billing.email },
                { label: "VAT number", value: billing.taxId },
                { label: "Billing address", value: <AddressBlock address={billing.address} /> },
                {
                  label: "Billing contact",
                  value: billingContact
                    ? `${billingContact.name} · ${billingContact.email}${billingContact.phone ? ` · ${billingContact.phone}` : ""}`
                    : null,
                },
                ...(basket.lines.some((line) => line.kind === "product")
                  ? [{ label: "Licenses for", value: basket.recipient.companyName }]
                  : []),
              ]}
            />
            <p className="mt-4 text-xs text-slate-500">
              Wrong details? Change them in{" "}
              <Link to="/account" className="underline">
                My account
              </Link>{" "}
              before completing the order.
            </p>
          </Card>
          {hasPlan && (
            <PlanAliasCard
              value={storefrontAlias}
              onChange={setStorefrontAlias}
              // The server's answer is about the alias it was sent, not one typed since.
              error={
                complete.variables?.storefrontAlias === storefrontAlias
                  ? fieldErrorsOf(complete.error).storefrontAlias?.[0]
                  : undefined
              }
            />
          )}
          <Table
            rows={basket.lines}
            rowKey={(line) => line.id}
            columns={[
              { header: "Product", cell: (line) => line.productName },
              { header: "Asset name", cell: (line) => line.assetName },
              { header: "Licenses", cell: (line) => line.quantity, className: "text-right" },
              {
                header: "Unit price",
                cell: (line) => (line.unitPrice ? formatMoney(line.unitPrice, basket.currency) : "—"),
                className: "text-right",
              },
              { header: "Tax", cell: (line) => taxRateText(line.taxRate, line.taxRegime), className: "text-right" },
              { header: "Total", cell: (line) => formatMoney(line.gross, basket.currency), className: "text-right" },
            ]}
          />
        </div>
        <Card title="Total payable">
          <Totals totals={basket.totals} currency={basket.currency} taxMention={basket.taxMention} />
          {refusal && (
            <div className="mt-4">
              <Alert tone="error">{refusal}</Alert>
            </div>
          )}
          <Button
            className="mt-4 w-full"
            loading={complete.isPending}
            disabled={complete.isSuccess}
            onClick={() =>
              complete.mutate({
                idempotencyKey,
                basketVersion: basket.version,
                ...(hasPlan ? { storefrontAlias } : {}),
              })
            }
          >
            Complete order
          </Button>
          <Link to="/basket" className="mt-3 block text-center text-sm text-brand-700 hover:underline">
            ← Back to My Basket
          </Link>
        </Card>
      </div>
    </>
  );
}
