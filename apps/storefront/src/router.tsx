import { createBrowserRouter, Navigate } from "react-router";
import { AccountPage } from "./pages/account.tsx";
import { EndCustomerDetailPage } from "./pages/end-customer-detail.tsx";
import { EndCustomerNewPage } from "./pages/end-customer-new.tsx";
import { EndCustomersPage } from "./pages/end-customers.tsx";
import { Layout } from "./pages/layout.tsx";
import { LoginPage } from "./pages/login.tsx";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/account" replace /> },
      { path: "account", element: <AccountPage /> },
      { path: "end-customers", element: <EndCustomersPage /> },
      { path: "end-customers/new", element: <EndCustomerNewPage /> },
      { path: "end-customers/:id", element: <EndCustomerDetailPage /> },
      { path: "*", element: <Navigate to="/" replace /> },
    ],
  },
]);
