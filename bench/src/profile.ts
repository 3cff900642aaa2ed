import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileEntry {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  /** Sampled wall time of the profile, ms. */
  totalMs: number;
  /** Time the main thread was busy (not idle), ms. */
  busyMs: number;
  /** Self time by package (bundled code is mapped back through the source map). */
  byPackage: ProfileEntry[];
  /**
   * Self time by package, with time spent in Node's own code and native calls
   * (socket writes, crypto, JSON) charged to the nearest package up the stack.
   */
  byOwner: ProfileEntry[];
  /** Self time by function, with its original source location. */
  byFunction: ProfileEntry[];
}

/** "node_modules/.pnpm/x@1/node_modules/@scope/name/..." -> "@scope/name"; workspace sources -> "@cm/<dir>". */
export function packageOf(path: string): string {
  const modules = path.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = path.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  const workspace = /(?:^|\/)(?:apps|packages)\/([^/]+)\//.exec(path);
  if (workspace) return `@cm/${workspace[1]}`;
  if (path.startsWith("node:") || path.startsWith("internal/") || !path.includes("/")) return "node (built-in)";
  return path;
}

class Resolver {
  private readonly maps = new Map<string, SourceMap | null>();
  private readonly cache = new Map<string, { source: string; line: number }>();

  resolve(url: string, line: number, column: number): { source: string; line: number } {
    const key = `${url}:${line}:${column}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    let result = { source: url.startsWith("file://") ? fileURLToPath(url) : url, line: line + 1 };
    const map = this.mapFor(url);
    if (map) {
      const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
      if (entry.originalSource) {
        const original = entry.originalSource.replace(/^file:\/\//, "");
        result = {
          source: isAbsolute(original) ? original : resolve(dirname(fileURLToPath(url)), original),
          line: (entry.originalLine ?? 0) + 1,
        };
      }
    }
    this.cache.set(key, result);
    return result;
  }

  private mapFor(url: string): SourceMap | null {
    if (!url.startsWith("file://")) return null;
    if (this.maps.has(url)) return this.maps.get(url) ?? null;
    const file = `${fileURLToPath(url)}.map`;
    let map: SourceMap | null = null;
    // Only the server bundle carries a map worth reading; dependencies are attributed by path.
    if (file.endsWith("dist/launch.js.map") && existsSync(file))
      map = new SourceMap(JSON.parse(readFileSync(file, "utf8")) as ConstructorParameters<typeof SourceMap>[0]);
    this.maps.set(url, map);
    return map;
  }
}

/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and attributes self time to
 * packages and functions, mapping the esbuild bundle back to its sources.
 * With `windowUs` (CLOCK_MONOTONIC µs, as process.hrtime), only the samples
 * taken inside that window count: not the start-up, not the sign-ins.
 */
export function summarizeProfile(file: string, windowUs?: [number, number]): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (windowUs && (at < windowUs[0] || at > windowUs[1])) return;
    self.set(id, (self.get(id) ?? 0) + delta / 1000);
  });
  const resolver = new Resolver();
  const packages = new Map<string, number>();
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  let idle = 0;
  const where = (node: CpuProfileNode) => {
    const frame = node.callFrame;
    if (!frame.url)
      return {
        pkg: frame.functionName.startsWith("(") ? frame.functionName : "node (native)",
        label: frame.functionName || "(anonymous)",
      };
    if (frame.url.startsWith("wasm://")) return { pkg: "wasm", label: `${frame.functionName || "(anonymous)"} [wasm]` };
    const { source, line } = resolver.resolve(frame.url, frame.lineNumber, frame.columnNumber);
    const pkg = packageOf(source);
    const short = source.includes("node_modules/")
      ? source.slice(source.lastIndexOf("node_modules/") + 13)
      : source.replace(/^.*?\/(apps|packages)\//, "$1/");
    return { pkg, label: `${frame.functionName || "(anonymous)"} ${short}:${line}` };
  };
  const ownerCache = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = ownerCache.get(id);
    if (known) return known;
    const node = byId.get(id);
    let owner = "node (unattributed)";
    if (node) {
      const { pkg } = where(node);
      const nodeOwn = pkg === "node (built-in)" || pkg === "node (native)" || pkg === "wasm";
      const up = parent.get(id);
      if (!nodeOwn) owner = pkg;
      else if (up !== undefined && byId.get(up)?.callFrame.functionName !== "(root)") owner = ownerOf(up);
      else owner = pkg;
    }
    ownerCache.set(id, owner);
    return owner;
  };
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    total += ms;
    if (node.callFrame.functionName === "(idle)") {
      idle += ms;
      continue;
    }
    const { pkg, label } = where(node);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
    const owner = ownerOf(id);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
    functions.set(label, (functions.get(label) ?? 0) + ms);
  }
  const busy = total - idle;
  const entries = (map: Map<string, number>, limit: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms, share: busy > 0 ? ms / busy : 0 }));
  return {
    totalMs: total,
    busyMs: busy,
    byPackage: entries(packages, 15),
    byOwner: entries(owners, 15),
    byFunction: entries(functions, 20),
  };
}
