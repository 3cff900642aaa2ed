import type { FieldErrors } from "./form.tsx";

interface ApiErrorShape {
  message?: string;
  data?: { fieldErrors?: FieldErrors; code?: string } | null;
}

/** The per-field messages an API error carries, if any. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return (error as ApiErrorShape | null)?.data?.fieldErrors ?? {};
}

const SOMETHING_WENT_WRONG = "Something went wrong. Please try again.";

/** The error's own sentence (a tRPC message that is JSON, from an unexpected shape, is no sentence). */
function sentenceOf(error: unknown): string {
  const message = (error as ApiErrorShape).message;
  return message && !message.startsWith("[") ? message : SOMETHING_WENT_WRONG;
}

/**
 * What of a refused request a form says on top of itself: the messages of the
 * fields it does not show (`placeOf` tells where a path's message goes, if on
 * the form), or the error's sentence when it names no field. Each once.
 */
export function formLevelMessages(error: unknown, placeOf: (path: string) => string | undefined): string[] {
  if (!error) return [];
  const fields = Object.entries(fieldErrorsOf(error));
  if (fields.length === 0) return [sentenceOf(error)];
  const messages = fields.flatMap(([path, messages]) => (placeOf(path) || !messages?.[0] ? [] : [messages[0]]));
  return [...new Set(messages)];
}

/**
 * A sentence for an API error shown apart from a form (a button's action, a
 * query): with field errors, their first message, as nothing is highlighted.
 */
export function apiErrorMessage(error: unknown): string {
  if (!error) return "";
  const messages = formLevelMessages(error, () => undefined);
  const [first = SOMETHING_WENT_WRONG] = messages;
  const more = messages.length - 1;
  return more > 0 ? `${first} (and ${more} more problem${more === 1 ? "" : "s"})` : first;
}
