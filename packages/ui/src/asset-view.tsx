import { editAssetInput } from "@cm/domain/schemas";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { Link } from "react-router";
import { apiErrorMessage } from "./api-errors.ts";
import { Button } from "./button.tsx";
import { Alert } from "./feedback.tsx";
import { Card, Details } from "./layout.tsx";
import { FormSelectField, FormTextField } from "./bound-fields.tsx";
import { ApiForm, SubmitButton, useSubmit, useZodForm } from "./forms.tsx";
import { formatDate } from "./format.ts";
import { Table, type Column } from "./table.tsx";

// The asset blocks the BSS and the Storefront share (as InvoiceView): each app
// fetches, decides what its user may do and passes only what differs.

type SyncStatus = "PENDING" | "SYNCHRONIZED" | "FAILED";
type DocumentRef = { id: string; number: string };
type DetailItem = { label: string; value: ReactNode };
/** What the blocks read of the app's mutation (a TanStack Query mutation result has it). */
export type MutationState = { isPending: boolean; isSuccess: boolean; error: unknown };

/** What the asset detail card shows of an asset (both apps' asset DTOs have it). */
export interface AssetSummary {
  name: string;
  purchaseDate: Date;
  quantity: number;
  expireDays: number;
  validityDays: number;
  couponCode: string | null;
  couponExpiresAt: Date | null;
  order: DocumentRef;
  invoice: DocumentRef | null;
  creditInvoice: DocumentRef | null;
  /** The zone the purchase day (and the cancellation window) is counted in: the distributor's. */
  cancellation: { timeZone: string };
}

const linkClass = "text-brand-700 hover:underline";

/** The asset's details: `syncStatus` and `couponState` are the app's badges, `parties` who bought it and for whom (before the order). */
export function AssetDetails({
  asset,
  syncStatus,
  couponState,
  parties,
}: {
  asset: AssetSummary;
  syncStatus: ReactNode;
  couponState: ReactNode;
  parties: DetailItem[];
}) {
  return (
    <Details
      items={[
        { label: "Name", value: asset.name },
        { label: "Provisioning Sync Status", value: syncStatus },
        { label: "Purchase Date", value: formatDate(asset.purchaseDate, asset.cancellation.timeZone) },
        { label: "Licenses", value: String(asset.quantity) },
        { label: "Expire (days)", value: String(asset.expireDays) },
        { label: "Validity (days)", value: String(asset.validityDays) },
        {
          label: "Coupon Code",
          value: asset.couponCode ? (
            <span className="whitespace-nowrap font-mono" data-testid="coupon-code">
              {asset.couponCode}
            </span>
          ) : null,
        },
        { label: "Coupon state", value: couponState },
        {
          label: "Coupon expires",
          value: asset.couponExpiresAt ? formatDate(asset.couponExpiresAt, asset.cancellation.timeZone) : null,
        },
        ...parties,
        {
          label: "Order",
          value: (
            <Link to={`/orders/${asset.order.id}`} className={linkClass}>
              {asset.order.number}
            </Link>
          ),
        },
        {
          label: "Invoice",
          value: asset.invoice ? (
            <Link to={`/invoices/${asset.invoice.id}`} className={linkClass}>
              {asset.invoice.number}
            </Link>
          ) : null,
        },
        ...(asset.creditInvoice
          ? [
              {
                label: "Credit invoice",
                value: (
                  <Link to={`/invoices/${asset.creditInvoice.id}`} className={linkClass}>
                    {asset.creditInvoice.number}
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

export interface AssetEditValues {
  name: string;
  recipientAccountId: string;
}

/**
 * The edit card's values: the edit procedure's input without the asset's id, which the page adds. The
 * recipient is one of the options the app offers (the server checks it), so the form doesn't re-check its id.
 */
const assetEditForm = editAssetInput.omit({ id: true }).extend({ recipientAccountId: z.string() });

/**
 * Renaming an asset and choosing its recipient (on a FAILED asset, saving retries the provisioning).
 * `onSave` sends the values (the app's mutation, e.g. `mutateAsync`); a refused save shows through `mutation.error`.
 * `onCancel` adds a Cancel button (the Storefront opens the card from a button); `confirmSaved` says "Saved." after saving.
 */
export function AssetEditCard({
  asset,
  title,
  options,
  onSave,
  mutation,
  confirmSaved = false,
  onCancel,
}: {
  asset: { name: string; recipient: { id: string }; syncStatus: SyncStatus };
  title: string;
  options: { value: string; label: string }[];
  onSave: (values: AssetEditValues) => Promise<unknown>;
  mutation: MutationState;
  confirmSaved?: boolean;
  onCancel?: () => void;
}) {
  const form = useZodForm(assetEditForm, {
    defaultValues: { name: asset.name, recipientAccountId: asset.recipient.id },
  });
  const onSubmit = useSubmit(form, async (values) => {
    await onSave(values);
    form.reset(values);
  });
  const failed = asset.syncStatus === "FAILED";
  return (
    <Card title={failed ? "Edit and retry provisioning" : title}>
      <ApiForm form={form} onSubmit={onSubmit} error={mutation.error ?? undefined} className="space-y-4">
        {confirmSaved && mutation.isSuccess && !form.formState.isDirty && <Alert tone="success">Saved.</Alert>}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <FormTextField control={form.control} name="name" label="Name" />
          <FormSelectField control={form.control} name="recipientAccountId" label="Recipient" options={options} />
        </div>
        <div className="flex gap-2">
          <SubmitButton form={form} pending={mutation.isPending} showDirty>
            {failed ? "Save and retry" : "Save"}
          </SubmitButton>
          {onCancel && (
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </div>
      </ApiForm>
    </Card>
  );
}

/**
 * Cancelling an active asset: why it can or cannot be cancelled, and a confirmation step before `onConfirm`.
 * `onConfirm` absent: the user may not cancel (`notPermitted` says why). A cancelled asset: `cancelled` says when and on which credit note.
 */
export function AssetCancelCard({
  cancellation,
  explanation,
  cancelled,
  notPermitted,
  question,
  confirmLabel,
  keepLabel,
  onConfirm,
  mutation,
}: {
  cancellation: { allowed: boolean; reason?: string | null };
  /** What the user reads while cancellation is allowed. */
  explanation: ReactNode;
  /** Set once the asset is cancelled: the card says only this. */
  cancelled?: ReactNode;
  notPermitted?: ReactNode;
  question?: ReactNode;
  confirmLabel: string;
  keepLabel: string;
  onConfirm?: () => void;
  mutation: MutationState;
}) {
  const [confirming, setConfirming] = useState(false);
  if (cancelled !== undefined) return <Card title="Cancelled">{cancelled}</Card>;
  return (
    <Card title="Cancel">
      {cancellation.allowed ? (
        <p className="text-sm text-slate-600">{explanation}</p>
      ) : (
        <p className="text-sm text-slate-600" data-testid="cancel-refused">
          {cancellation.reason}
        </p>
      )}
      {mutation.error != null && (
        <div className="mt-3">
          <Alert tone="error">{apiErrorMessage(mutation.error)}</Alert>
        </div>
      )}
      {cancellation.allowed && !onConfirm && notPermitted && (
        <p className="mt-2 text-sm text-slate-500">{notPermitted}</p>
      )}
      {cancellation.allowed &&
        onConfirm &&
        (confirming ? (
          <div className="mt-4 space-y-2">
            {question && <p className="text-sm font-medium">{question}</p>}
            <div className="flex gap-2">
              <Button variant="danger" loading={mutation.isPending} onClick={onConfirm}>
                {confirmLabel}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {keepLabel}
              </Button>
            </div>
          </div>
        ) : (
          <Button className="mt-4" variant="danger" onClick={() => setConfirming(true)}>
            Cancel asset
          </Button>
        ))}
    </Card>
  );
}

/** A row of an asset list (both apps' asset list DTOs have it). */
export interface AssetRow {
  id: string;
  name: string;
  quantity: number;
  couponCode: string | null;
  purchaseDate: Date;
  product: { name: string };
  recipient: { companyName: string };
}

/** The asset list's columns both apps show; each app arranges them with its own. */
export function assetColumns<T extends AssetRow>() {
  return {
    name: {
      header: "Name",
      cell: (row: T) => (
        <Link to={`/assets/${row.id}`} className="font-medium text-brand-700 hover:underline">
          {row.name}
        </Link>
      ),
    },
    product: { header: "Product", cell: (row: T) => row.product.name },
    recipient: { header: "For", cell: (row: T) => row.recipient.companyName },
    licenses: { header: "Licenses", cell: (row: T) => row.quantity, className: "text-right" },
    couponCode: {
      header: "Coupon code",
      cell: (row: T) => <span className="whitespace-nowrap font-mono text-xs">{row.couponCode ?? "—"}</span>,
    },
    purchased: { header: "Purchased", cell: (row: T) => formatDate(row.purchaseDate) },
  } satisfies Record<string, Column<T>>;
}

/** Cursor paging of a list: `cursors` are the pages behind the current one. */
export function CursorPager({
  cursors,
  nextCursor,
  onChange,
  showPage = false,
}: {
  cursors: string[];
  nextCursor: string | null | undefined;
  onChange: (cursors: string[]) => void;
  showPage?: boolean;
}) {
  return (
    <div className="mt-3 flex items-center justify-end gap-2 text-sm text-slate-600">
      {showPage && <span>Page {cursors.length + 1}</span>}
      <Button
        variant="secondary"
        size="sm"
        disabled={cursors.length === 0}
        onClick={() => onChange(cursors.slice(0, -1))}
      >
        Previous
      </Button>
      <Button
        variant="secondary"
        size="sm"
        disabled={!nextCursor}
        onClick={() => nextCursor && onChange([...cursors, nextCursor])}
      >
        Next
      </Button>
    </div>
  );
}

/** A page of assets with cursor paging. */
export function AssetTable<T extends AssetRow>({
  rows,
  columns,
  empty,
  cursors,
  nextCursor,
  onCursors,
  showPage,
}: {
  rows: T[];
  columns: Column<T>[];
  empty: ReactNode;
  cursors: string[];
  nextCursor: string | null | undefined;
  onCursors: (cursors: string[]) => void;
  showPage?: boolean;
}) {
  return (
    <>
      <Table rows={rows} rowKey={(row) => row.id} empty={empty} columns={columns} />
      <CursorPager cursors={cursors} nextCursor={nextCursor} onChange={onCursors} showPage={showPage} />
    </>
  );
}
