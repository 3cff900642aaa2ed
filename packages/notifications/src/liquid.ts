import { Liquid, type LiquidOptions } from "liquidjs";

// Staff write these templates, so the engine is locked down: no file system
// (include/render/layout find nothing), unknown variables and filters are
// errors, and parsing/rendering are bounded against runaway templates.
const common: LiquidOptions = {
  templates: {},
  strictVariables: true,
  strictFilters: true,
  ownPropertyOnly: true,
  parseLimit: 200_000,
  renderLimit: 1_000,
  memoryLimit: 10_000_000,
};

/** For the HTML body: every `{{ output }}` is HTML-escaped. */
export const htmlEngine = new Liquid({ ...common, outputEscape: "escape" });

/** For the subject and the plain-text body: no escaping. */
export const textEngine = new Liquid(common);
