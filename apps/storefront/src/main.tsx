import { mountApp } from "@cm/ui/app";
import "./index.css";
import { storefrontHeaders } from "./reseller-storefront.ts";
import { router } from "./router.tsx";

mountApp(router, storefrontHeaders);
