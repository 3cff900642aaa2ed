// The constants the domain's input schemas need, without the mailer: the
// browser apps import those schemas (through @cm/domain/schemas), and the
// package's main entry pulls in nodemailer, which can't be bundled for them.
export { NOTIFICATION_TEMPLATE_KEYS } from "./templates/definition.ts";
export { HEX_COLOR } from "./branding.ts";
