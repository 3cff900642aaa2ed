// What an app's entry, login and signed-in frame need (separate from the components' index so
// the API client stays out of pages that do not use it).
export { mountApp } from "./mount-app.tsx";
export { SignInPage } from "./sign-in-page.tsx";
export { ForgotPasswordPage, ResetPasswordPage } from "./password-pages.tsx";
export { SignedInLayout } from "./signed-in-layout.tsx";
