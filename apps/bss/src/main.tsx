import { mountApp } from "@cm/ui/app";
import "./index.css";
import { router } from "./router.tsx";

mountApp(router);
