import { z } from "zod";
import { toShopAssetDetail, toShopAssetSummary } from "../../assets/asset-dto.ts";
import { cancelAsset } from "../../assets/cancel-asset.ts";
import { editAsset } from "../../assets/edit-asset.ts";
import { getAsset } from "../../assets/get-asset.ts";
import { listAssets } from "../../assets/list-assets.ts";
import { refuseSuspendOrAmend } from "../../assets/no-suspend-or-amend.ts";
import { getInvoice } from "../../billing/invoice-detail.ts";
import { listInvoices } from "../../billing/invoices.ts";
import { editAssetInput, listAssetsInput } from "../../schemas/assets.ts";
import { idSchema, pageSchema } from "../../schemas/common.ts";
import { router, storefrontProcedure } from "../../trpc.ts";
import { shopAssetDetailOutput, shopAssetPageOutput } from "../../assets/asset-output.ts";
import { invoicePageOutput, shopInvoiceDetailOutput } from "../../billing/invoice-output.ts";

const byId = z.object({ id: idSchema });

export const storefrontAssetRouter = router({
  list: storefrontProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reseller/assets",
        tags: ["Assets"],
        summary: "List assets",
        description: "The reseller's own and its end-customers'; pages by cursor.",
      },
    })
    .input(listAssetsInput.omit({ accountId: true }))
    .output(shopAssetPageOutput)
    .query(async ({ ctx, input }) => {
      const page = await listAssets(ctx.deps, ctx.shop, input);
      return { ...page, items: page.items.map(toShopAssetSummary) };
    }),
  get: storefrontProcedure
    .meta({ rest: { method: "GET", path: "/reseller/assets/{id}", tags: ["Assets"], summary: "Read an asset" } })
    .input(byId)
    .output(shopAssetDetailOutput)
    .query(async ({ ctx, input }) => toShopAssetDetail(await getAsset(ctx.deps, ctx.shop, input.id))),
  update: storefrontProcedure
    .meta({
      rest: {
        method: "PUT",
        path: "/reseller/assets/{id}",
        tags: ["Assets"],
        summary: "Update or re-sync an asset",
        description: "Saving a failed asset provisions it again at BitTitan.",
      },
    })
    .input(editAssetInput)
    .output(shopAssetDetailOutput)
    .mutation(async ({ ctx, input }) => toShopAssetDetail(await editAsset(ctx.deps, ctx.shop, input))),
  cancel: storefrontProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/reseller/assets/{id}/cancel",
        tags: ["Assets"],
        summary: "Cancel an asset",
        description: "Within 15 days of purchase: revokes the coupon and issues a credit note.",
      },
    })
    .input(byId)
    .output(shopAssetDetailOutput)
    .mutation(async ({ ctx, input }) => toShopAssetDetail(await cancelAsset(ctx.deps, ctx.shop, input.id))),
  suspend: storefrontProcedure
    .input(byId)
    .output(z.never())
    .mutation(() => refuseSuspendOrAmend("suspended")),
  amend: storefrontProcedure
    .input(byId)
    .output(z.never())
    .mutation(() => refuseSuspendOrAmend("amended")),
});

export const storefrontInvoiceRouter = router({
  list: storefrontProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reseller/invoices",
        tags: ["Invoices"],
        summary: "List invoices and credit notes",
        description: "The PDF of each is GET /api/storefront/invoices/{id}/pdf.",
      },
    })
    .input(pageSchema)
    .output(invoicePageOutput)
    .query(({ ctx, input }) => listInvoices(ctx.deps, ctx.shop, input)),
  get: storefrontProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/reseller/invoices/{id}",
        tags: ["Invoices"],
        summary: "Read an invoice or credit note",
      },
    })
    .input(byId)
    .output(shopInvoiceDetailOutput)
    .query(({ ctx, input }) => getInvoice(ctx.deps, ctx.shop, input.id)),
});
