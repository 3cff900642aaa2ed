import { createBrowserRouter } from "react-router";
import { AccountDetailPage } from "./pages/account-detail.tsx";
import { AccountEditPage, AccountNewPage } from "./pages/account-form.tsx";
import { AccountsPage } from "./pages/accounts.tsx";
import { Layout } from "./pages/layout.tsx";
import { LoginPage } from "./pages/login.tsx";
import { NotFoundPage } from "./pages/not-found.tsx";
import { StaffPage } from "./pages/staff.tsx";

export const router = createBrowserRouter(
  [
    { path: "/login", element: <LoginPage /> },
    {
      element: <Layout />,
      children: [
        { index: true, element: <AccountsPage /> },
        { path: "accounts", element: <AccountsPage /> },
        { path: "accounts/new", element: <AccountNewPage /> },
        { path: "accounts/:id", element: <AccountDetailPage /> },
        { path: "accounts/:id/edit", element: <AccountEditPage /> },
        { path: "setup/staff", element: <StaffPage /> },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: "/bss" },
);
