import { z } from "zod";
import { invoiceDetailOutput, invoicePageOutput } from "../../billing/invoice-output.ts";
import { getInvoice } from "../../billing/invoice-detail.ts";
import { listInvoices } from "../../billing/invoices.ts";
import { recordPayment, recordRefund } from "../../billing/record-payment.ts";
import { voidInvoice } from "../../billing/void-invoice.ts";
import { idempotent } from "../../idempotency.ts";
import { listInvoicesInput, recordPaymentInput, recordRefundInput, voidInvoiceInput } from "../../schemas/billing.ts";
import { idSchema } from "../../schemas/common.ts";
import { router, staffProcedure } from "../../trpc.ts";

export const bssInvoiceRouter = router({
  list: staffProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/distributor/invoices",
        tags: ["Invoices"],
        summary: "List invoices and credit notes",
        description: "kind INVOICE or CREDIT. The PDF of each is GET /api/bss/invoices/{id}/pdf.",
      },
    })
    .input(listInvoicesInput)
    .output(invoicePageOutput)
    .query(({ ctx, input }) => listInvoices(ctx.deps, ctx.staff, input)),
  get: staffProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/distributor/invoices/{id}",
        tags: ["Invoices"],
        summary: "Read an invoice or credit note",
      },
    })
    .input(z.object({ id: idSchema }))
    .output(invoiceDetailOutput)
    .query(({ ctx, input }) => getInvoice(ctx.deps, ctx.staff, input.id)),
  recordPayment: staffProcedure
    .input(recordPaymentInput.extend(idempotent.shape))
    .output(invoiceDetailOutput)
    .use(idempotent.middleware)
    .mutation(({ ctx, input: { idempotencyKey: _key, ...payment } }) => recordPayment(ctx.deps, ctx.staff, payment)),
  recordRefund: staffProcedure
    .input(recordRefundInput.extend(idempotent.shape))
    .output(invoiceDetailOutput)
    .use(idempotent.middleware)
    .mutation(({ ctx, input: { idempotencyKey: _key, ...refund } }) => recordRefund(ctx.deps, ctx.staff, refund)),
  void: staffProcedure
    .input(voidInvoiceInput)
    .output(invoiceDetailOutput)
    .mutation(({ ctx, input }) => voidInvoice(ctx.deps, ctx.staff, input)),
});
