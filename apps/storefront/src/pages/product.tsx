import {
  Alert,
  Badge,
  Button,
  Card,
  Details,
  Loading,
  TextField,
  apiErrorMessage,
  fieldErrorsOf,
  formatMoney,
  taxPhrase,
} from "@cm/ui";
import { newIdempotencyKey, useTRPC } from "@cm/ui/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { SyncNotice } from "../components/sync-notice.tsx";
import { StorefrontPriceNote } from "../plans/storefront-price.tsx";
import { resellerStorefront } from "../reseller-storefront.ts";

export function ProductPage() {
  const trpc = useTRPC();
  const { slug = "" } = useParams();
  const product = useQuery(trpc.storefront.catalog.product.queryOptions({ slug }));
  const me = useQuery(trpc.storefront.account.me.queryOptions());
  // Outside its reseller's storefront an end-customer does not buy (its reseller does, for it).
  const endCustomer = me.data?.account.kind === "END_CUSTOMER";
  const buysHere = !endCustomer || resellerStorefront !== null;
  if (product.isPending) return <Loading />;
  if (product.isError) {
    return (
      <div className="space-y-4">
        <Alert tone="error">{apiErrorMessage(product.error)}</Alert>
        <Link to="/" className="text-sm text-brand-700 hover:underline">
          ← Back to the catalog
        </Link>
      </div>
    );
  }
  const data = product.data;
  return (
    <article className="space-y-6">
      <Link to="/" className="text-sm text-brand-700 hover:underline">
        ← All products
      </Link>
      <header>
        <div className="flex gap-2">
          <Badge tone="blue">{data.productTypeName}</Badge>
          {data.category && <Badge>{data.category.name}</Badge>}
        </div>
        <h1 className="mt-3 text-3xl font-semibold tracking-tight text-slate-900">{data.name}</h1>
      </header>
      {!data.synchronized && !endCustomer && <SyncNotice />}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Overview">
            <p className="whitespace-pre-line text-sm leading-6 text-slate-700">{data.description}</p>
          </Card>
          <Card title="What the license covers">
            <p className="whitespace-pre-line text-sm leading-6 text-slate-700">{data.licenseCoverage}</p>
          </Card>
        </div>
        <Card title="Price">
          {data.unitPrice ? (
            <>
              <p className="text-3xl font-semibold text-slate-900" data-testid="unit-price">
                {formatMoney(data.unitPrice, data.currency)}
              </p>
              <p className="text-sm text-slate-500">
                per license, {taxPhrase(data.taxRate, data.taxRegime)} (
                {data.unitGross ? formatMoney(data.unitGross, data.currency) : ""} payable)
              </p>
            </>
          ) : (
            <p className="text-sm text-slate-600">This product is not sold in {data.currency}.</p>
          )}
          <StorefrontPriceNote
            unitPrice={data.unitPrice}
            storefrontPrice={data.storefrontPrice}
            currency={data.currency}
          />
          {data.unitPrice &&
            (!buysHere ? (
              <p className="mt-4 text-sm text-slate-600">
                To order, contact {resellerStorefront?.displayName ?? "your reseller"}.
              </p>
            ) : (
              <AddToBasket productId={data.id} />
            ))}
          <div className="mt-4">
            <Details
              items={[
                { label: "Coupon active for", value: `${data.expireDays} days` },
                { label: "Licenses usable for", value: `${data.validityDays} days` },
              ]}
            />
          </div>
        </Card>
      </div>
    </article>
  );
}

function AddToBasket({ productId }: { productId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [quantity, setQuantity] = useState("1");
  const [idempotencyKey, setKey] = useState(newIdempotencyKey);
  const add = useMutation(
    trpc.storefront.basket.add.mutationOptions({
      onSuccess: async () => {
        setKey(newIdempotencyKey());
        await queryClient.invalidateQueries({ queryKey: trpc.storefront.basket.pathKey() });
        void navigate("/basket");
      },
    }),
  );
  return (
    <div className="mt-4 space-y-3 border-t border-slate-200 pt-4">
      <div className="w-32">
        <TextField
          label="Licenses"
          type="number"
          min={1}
          max={10000}
          inputMode="numeric"
          value={quantity}
          onChange={setQuantity}
          error={fieldErrorsOf(add.error).quantity?.[0]}
        />
      </div>
      {add.isError && !fieldErrorsOf(add.error).quantity && <Alert tone="error">{apiErrorMessage(add.error)}</Alert>}
      <Button
        className="w-full"
        loading={add.isPending}
        onClick={() => add.mutate({ productId, quantity: Number(quantity), idempotencyKey })}
      >
        Add to Basket
      </Button>
    </div>
  );
}
