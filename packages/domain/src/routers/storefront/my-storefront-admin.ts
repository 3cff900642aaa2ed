import {
  getStorefrontBrand,
  previewStorefrontWelcomeTemplate,
  removeStorefrontLogo,
  resetStorefrontWelcomeTemplate,
  updateStorefrontEmailSender,
  updateStorefrontWelcomeTemplate,
  uploadStorefrontLogo,
} from "../../reseller-storefronts/storefront-brand.ts";
import {
  deactivateStorefrontLogin,
  inviteStorefrontCustomer,
  listStorefrontCustomers,
  reactivateStorefrontLogin,
  resendStorefrontInvitation,
} from "../../reseller-storefronts/storefront-customers.ts";
import {
  storefrontBrandOutput,
  storefrontCustomerOutput,
  storefrontCustomersOutput,
  storefrontInvitationOutput,
  templatePreviewOutput,
} from "../../reseller-storefronts/storefront-admin-output.ts";
import {
  listStorefrontCustomersInput,
  storefrontCustomerInput,
  storefrontEmailSenderInput,
  storefrontLogoInput,
  storefrontWelcomeTemplateInput,
} from "../../schemas/storefront-admin.ts";
import { router, storefrontProcedure } from "../../trpc.ts";

/** Storefront > My storefront > Customers: the logins of the reseller's end-customers' contacts at its storefront. */
export const storefrontCustomersRouter = router({
  list: storefrontProcedure
    .input(listStorefrontCustomersInput)
    .output(storefrontCustomersOutput)
    .query(({ ctx, input }) => listStorefrontCustomers(ctx.deps, ctx.shop, input)),
  invite: storefrontProcedure
    .input(storefrontCustomerInput)
    .output(storefrontInvitationOutput)
    .mutation(({ ctx, input }) => inviteStorefrontCustomer(ctx.deps, ctx.shop, input)),
  resendInvitation: storefrontProcedure
    .input(storefrontCustomerInput)
    .output(storefrontInvitationOutput)
    .mutation(({ ctx, input }) => resendStorefrontInvitation(ctx.deps, ctx.shop, input)),
  deactivate: storefrontProcedure
    .input(storefrontCustomerInput)
    .output(storefrontCustomerOutput)
    .mutation(({ ctx, input }) => deactivateStorefrontLogin(ctx.deps, ctx.shop, input)),
  reactivate: storefrontProcedure
    .input(storefrontCustomerInput)
    .output(storefrontCustomerOutput)
    .mutation(({ ctx, input }) => reactivateStorefrontLogin(ctx.deps, ctx.shop, input)),
});

/** Storefront > My storefront > Brand: the logo, the emails' sender and the reseller's own welcome email. */
export const storefrontBrandRouter = router({
  get: storefrontProcedure.output(storefrontBrandOutput).query(({ ctx }) => getStorefrontBrand(ctx.deps, ctx.shop)),
  updateSender: storefrontProcedure
    .input(storefrontEmailSenderInput)
    .output(storefrontBrandOutput)
    .mutation(({ ctx, input }) => updateStorefrontEmailSender(ctx.deps, ctx.shop, input)),
  uploadLogo: storefrontProcedure
    .input(storefrontLogoInput)
    .output(storefrontBrandOutput)
    .mutation(({ ctx, input }) => uploadStorefrontLogo(ctx.deps, ctx.shop, input)),
  removeLogo: storefrontProcedure
    .output(storefrontBrandOutput)
    .mutation(({ ctx }) => removeStorefrontLogo(ctx.deps, ctx.shop)),
  updateWelcome: storefrontProcedure
    .input(storefrontWelcomeTemplateInput)
    .output(storefrontBrandOutput)
    .mutation(({ ctx, input }) => updateStorefrontWelcomeTemplate(ctx.deps, ctx.shop, input)),
  // A mutation only so the draft travels in a POST body (templates outgrow a URL); it changes nothing.
  previewWelcome: storefrontProcedure
    .input(storefrontWelcomeTemplateInput)
    .output(templatePreviewOutput)
    .mutation(({ ctx, input }) => previewStorefrontWelcomeTemplate(ctx.deps, ctx.shop, input)),
  resetWelcome: storefrontProcedure
    .output(storefrontBrandOutput)
    .mutation(({ ctx }) => resetStorefrontWelcomeTemplate(ctx.deps, ctx.shop)),
});
