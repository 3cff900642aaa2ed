export { startSmtpReceiver, type ReceivedEmail, type SmtpReceiver } from "./receiver.ts";
