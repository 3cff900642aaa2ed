import { ForgotPasswordPage as ForgotPassword, ResetPasswordPage as ResetPassword } from "@cm/ui/app";

const TITLE = "Back office";

export function ForgotPasswordPage() {
  return <ForgotPassword realm="staff" title={TITLE} resetPageUrl={`${window.location.origin}/bss/reset-password`} />;
}

export function ResetPasswordPage() {
  return <ResetPassword realm="staff" title={TITLE} />;
}
