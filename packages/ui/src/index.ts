export { cn } from "./cn.ts";
export { Button, type ButtonProps } from "./button.tsx";
export { Alert, Badge, EmptyState, Loading, Spinner } from "./feedback.tsx";
export { Confirm } from "./confirm.tsx";
export { AddressBlock, Card, DetailColumns, Details, PageHeader, type PostalAddress } from "./layout.tsx";
export { Pagination, Table, type Column } from "./table.tsx";
export {
  CheckboxField,
  Field,
  FormGrid,
  FormSection,
  RequiredMark,
  SelectField,
  TextAreaField,
  TextField,
  type FieldErrors,
} from "./form.tsx";
export {
  countryOptions,
  currencyOptions,
  emptyAddress,
  emptyCompany,
  emptyContact,
  type AddressValues,
  type CompanyValues,
  type ContactValues,
  type StoredAccount,
} from "./account-fields.tsx";
export {
  ApiForm,
  RequiredLegend,
  SubmitButton,
  UNSAVED_CHANGES_QUESTION,
  useLeaveGuard,
  useServerErrors,
  useSubmit,
  useZodForm,
  zodResolver,
} from "./forms.tsx";
export {
  FormCheckboxField,
  FormListMessage,
  FormNumberField,
  FormSelectField,
  FormTextAreaField,
  FormTextField,
} from "./bound-fields.tsx";
export { useFieldPlace } from "./form-places.ts";
export { AddressInputs, CompanyInputs, ContactInputs, addressValuesOf, companyValuesOf } from "./account-inputs.tsx";
export {
  changePasswordSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  signInSchema,
} from "./password-schemas.ts";
export { AppShell, AuthLayout, type NavItem } from "./app-shell.tsx";
export { apiErrorMessage, fieldErrorsOf, formLevelMessages } from "./api-errors.ts";
export { formatDate, formatDateTime, formatDay, formatMoney, formatPercent, formatTime } from "./format.ts";
export { TAX_CATEGORY_OPTIONS, plusTax, taxCategoryLabel, taxPhrase, taxRateText } from "./tax-text.ts";
export {
  INVOICE_STATE_LABELS,
  InvoiceStatusBadge,
  InvoiceView,
  openAmountText,
  type InvoiceState,
} from "./invoice-view.tsx";
export {
  BalanceSummary,
  StatementCard,
  defaultStatementPeriod,
  type StatementPeriodValues,
} from "./statement-view.tsx";
export {
  AssetCancelCard,
  AssetDetails,
  AssetEditCard,
  AssetTable,
  CursorPager,
  assetColumns,
  type AssetEditValues,
  type AssetRow,
  type AssetSummary,
} from "./asset-view.tsx";
export {
  SUBSCRIPTION_STATUS,
  SubscriptionCards,
  SubscriptionStatusBadge,
  periodLabel,
  type SubscriptionStatus,
  type SubscriptionSummary,
} from "./subscription-view.tsx";
export { ApiKeysView, type ApiKeyRow } from "./api-keys-view.tsx";
export { EmailPreviewCard, TemplateVariablesList, useDebounced, type EmailPreviewResult } from "./email-preview.tsx";
export { CodeChoices, SecretShownOnce } from "./secret-shown-once.tsx";
