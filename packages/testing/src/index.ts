export { createEmptyTestDatabase, createTestDatabase, testDbMode, type TestDbMode } from "./test-db.ts";
export { findPostgresBinaries, freePort, spawnPgTool, startPostgresCluster, type PostgresCluster } from "./postgres.ts";
export { startTestSmtpServer, type ReceivedEmail, type TestSmtpServer } from "./smtp.ts";
export { waitFor } from "./wait-for.ts";
export { countStatements, isJobQueueStatement, type StatementCounter } from "./statement-counter.ts";
export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from "./webhook-receiver.ts";
export { verifyWebhook } from "./webhook-verification.ts";
