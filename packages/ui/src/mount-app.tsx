import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider, type createBrowserRouter } from "react-router";
import { createApiClient, createQueryClient, TRPCProvider } from "./api.ts";

type Router = ReturnType<typeof createBrowserRouter>;

/** Renders an app: its router inside the query client and the tRPC client; an ended session leads to /login. */
export function mountApp(router: Router, headers?: Record<string, string>): void {
  function App() {
    const [queryClient] = useState(() =>
      createQueryClient(() => {
        if (!router.state.location.pathname.startsWith("/login")) void router.navigate("/login");
      }),
    );
    const [trpcClient] = useState(() => createApiClient(headers));
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
}
