// "## 4. Front end": what a first visit downloads, and the time to the Storefront's first render.
import type { AppWeight, RenderMilestones, RenderResult } from "../frontend.ts";
import { fmt, fmtMs } from "../stats.ts";
import { KB, table } from "./markdown.ts";
import type { Results } from "./results.ts";

function weightSection(weights: AppWeight[] | undefined): string[] {
  if (!weights) return [];
  const header = [
    "app",
    "files",
    "JS gzip",
    "CSS gzip",
    "total gzip",
    "total raw",
    "largest parts of the JS (minified bytes, from the source map)",
  ];
  const rows = weights.map((weight) => [
    weight.app,
    String(weight.files.length),
    KB(weight.jsGzip),
    KB(weight.cssGzip),
    `**${KB(weight.totalGzip)}**`,
    KB(weight.totalBytes),
    weight.composition
      .slice(0, 5)
      .map((part) => `${part.name} ${fmt(part.share * 100, 0)}%`)
      .join(", "),
  ]);
  return [
    "What a first visit downloads before anything renders (the entry script, preloaded chunks and stylesheets named in `dist/index.html`), gzip level 9:",
    "",
    table(header, rows),
    "",
  ];
}

function renderTimes(render: RenderResult): string[] {
  const runs = (values: number[]) => values.map((value) => fmt(value, 0)).join(", ");
  return [
    `Time to first render of the Storefront catalog in headless Chromium (logged in as a demo reseller; navigation to \`/\` until the first product card is in the DOM, from the page's own clock; median of ${render.runs} runs after one warm-up run; embedded PGlite server):`,
    "",
    table(
      ["", "median (ms)", "runs (ms)"],
      [
        [
          "cold (new browser context: empty cache, session cookie)",
          `**${fmtMs(render.coldMedian)}**`,
          runs(render.coldMs),
        ],
        ["cold, as the driver saw it (goto → card visible)", fmtMs(render.coldWallMedian), runs(render.coldWallMs)],
        ["warm (same tab again: scripts from the HTTP cache)", fmtMs(render.warmMedian), runs(render.warmMs)],
      ],
    ),
    "",
  ];
}

/** The milestones of the median cold run, with the tRPC requests made before the first card. */
function renderTimeline(timeline: RenderMilestones | null): string[] {
  if (!timeline) return [];
  const api = timeline.api.filter(([, , end]) => end <= timeline.firstCard + 1);
  return [
    "Where the time of the median cold run went (ms since navigation start, from the page's Performance timeline):",
    "",
    table(
      ["milestone", "ms"],
      [
        ["index.html received", fmt(timeline.html, 0)],
        ["entry JS and CSS received", fmt(timeline.scriptsAndStyles, 0)],
        ["DOMContentLoaded (JS parsed and run)", fmt(timeline.domContentLoaded, 0)],
        ["first contentful paint", fmt(timeline.firstContentfulPaint, 0)],
        ...api.map(([path, start, end]): string[] => [
          `\`/trpc/${path}\` (request → response)`,
          `${fmt(start, 0)} → ${fmt(end, 0)}`,
        ]),
        ["first product card in the DOM", `**${fmt(timeline.firstCard, 0)}**`],
      ],
    ),
    "",
  ];
}

function renderSection(render: RenderResult | undefined): string[] {
  return render ? [...renderTimes(render), ...renderTimeline(render.medianTimeline)] : [];
}

export function frontendSection({ weights, render }: Results): string[] {
  if (!weights && !render) return [];
  return ["## 4. Front end", "", ...weightSection(weights), ...renderSection(render)];
}
