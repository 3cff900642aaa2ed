import { htmlEngine, textEngine } from "./liquid.ts";
import { sampleVariables, variablesOf, type NotificationTemplateKey, type TemplateContent } from "./templates/index.ts";

export type TemplatePart = keyof TemplateContent;

export interface TemplateProblem {
  part: TemplatePart;
  message: string;
}

const PART_LABELS: Record<TemplatePart, string> = { subject: "subject", html: "HTML body", text: "text body" };

/** The variables a template reads from its context (not the ones it assigns itself). */
export function extractVariables(source: string): string[] {
  return [...new Set(textEngine.globalVariablesSync(source))].sort();
}

/**
 * Everything wrong with a template a staff member wants to save: syntax
 * errors, variables the template does not offer (named), the `raw` filter in
 * the HTML (it would defeat escaping), and whatever a trial render with the
 * sample values trips on. Empty when the template is fine.
 */
export function validateTemplate(key: NotificationTemplateKey, content: TemplateContent): TemplateProblem[] {
  const known = new Set(variablesOf(key).map((variable) => variable.name));
  const problems: TemplateProblem[] = [];
  if (content.subject.trim() === "") problems.push({ part: "subject", message: "The subject is required" });
  for (const part of ["subject", "html", "text"] as const) {
    const source = content[part];
    const label = PART_LABELS[part];
    let variables: string[];
    try {
      variables = extractVariables(source);
    } catch (error) {
      problems.push({ part, message: `The ${label} has a template error: ${messageOf(error)}` });
      continue;
    }
    const unknown = variables.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      const names = unknown.map((name) => `"${name}"`).join(", ");
      problems.push({ part, message: `Unknown variable${unknown.length > 1 ? "s" : ""} ${names} in the ${label}` });
      continue;
    }
    if (part === "html" && /\|\s*raw\b/.test(source)) {
      problems.push({ part, message: "The raw filter is not allowed in the HTML body: variables are always escaped" });
      continue;
    }
    try {
      (part === "html" ? htmlEngine : textEngine).parseAndRenderSync(source, sampleVariables(key));
    } catch (error) {
      problems.push({ part, message: `The ${label} cannot be rendered: ${messageOf(error)}` });
    }
  }
  return problems;
}

/** liquidjs messages end with the template's source position; the first line is the useful part. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
