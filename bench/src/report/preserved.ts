// The blocks of RESULTS.md that the script does not write: the hand-written analysis and the chaos run's section.
// Rewriting the file keeps them, found between their markers in the previous file.

const ANALYSIS_BEGIN = "<!-- analysis:begin (hand-written; kept when the script rewrites this file) -->";
const ANALYSIS_END = "<!-- analysis:end -->";
const CHAOS_BEGIN = "<!-- chaos:begin -->";
const CHAOS_END = "<!-- chaos:end -->";

/** From `begin` to `end` (markers included) in `previous`, or undefined when they are not both there in order. */
function between(previous: string, begin: string, end: string): string | undefined {
  const from = previous.indexOf(begin);
  const to = previous.indexOf(end);
  return from >= 0 && to > from ? previous.slice(from, to + end.length) : undefined;
}

/** The previous file's analysis, or an empty one to write it in. */
export function analysisSection(previous: string): string[] {
  const analysis =
    between(previous, ANALYSIS_BEGIN, ANALYSIS_END) ??
    `${ANALYSIS_BEGIN}\n## Analysis\n\n(What bounds the figures below, with the evidence; the script keeps this section when it rewrites the file.)\n${ANALYSIS_END}`;
  return [analysis, ""];
}

/** The chaos run (`npm run chaos`) writes its own section; keep it. */
export function chaosSection(previous: string): string[] {
  const chaos = between(previous, CHAOS_BEGIN, CHAOS_END);
  return chaos === undefined ? [] : ["## Chaos run", "", chaos, ""];
}
