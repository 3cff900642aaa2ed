import { createApiClient, createQueryClient, TRPCProvider } from "@cm/ui/api";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import "./index.css";
import { storefrontHeaders } from "./reseller-storefront.ts";
import { router } from "./router.tsx";

function App() {
  const [queryClient] = useState(() =>
    createQueryClient(() => {
      if (!router.state.location.pathname.startsWith("/login")) void router.navigate("/login");
    }),
  );
  const [trpcClient] = useState(() => createApiClient(storefrontHeaders));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
