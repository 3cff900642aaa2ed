export { createApp, type AppOptions } from "./app.ts";
export { readEnv, type Env } from "./env.ts";
export { startRuntime, type Runtime, type RuntimeOptions } from "./runtime.ts";
