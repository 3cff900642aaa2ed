// The layering rules of ARCHITECTURE.md ("Layering"), checked on the source:
//  (a) no import cycle inside packages/domain/src,
//  (b) no two domain areas (first folder under src/) importing each other, no
//      longer loop between areas either (the areas form a hierarchy), and no
//      area importing an entry point (index.ts, root.ts, client.ts),
//  (b') the kernel (KERNEL_FILES) and the foundations (shared/, schemas/)
//      import only the kernel and the foundations, never a business area,
//  (c) the packages import downwards only: apps -> ui -> domain ->
//      provisioning / db / notifications / documents (package.json and the
//      actual `@cm/*` imports of each package's src).
// Run `tsx scripts/check-imports.ts` (exit 1 on a violation); the unit test
// packages/domain/src/architecture.test.ts runs the same checks in `npm test`.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** Files directly in src/ that every area may import. */
export const KERNEL_FILES = [
  "api-scopes.ts",
  "callers.ts",
  "clock.ts",
  "deps.ts",
  "errors.ts",
  "idempotency.ts",
  "permissions.ts",
  "transformer.ts",
  "transport.ts",
  "trpc.ts",
];
/** Folders under src/ that every area may use and that use only each other and the kernel. */
export const FOUNDATION_AREAS = ["shared", "schemas"];
/** Files directly in src/ that compose the areas; no area may import them. */
export const ENTRY_FILES = ["index.ts", "root.ts", "client.ts", "background-workers.ts"];

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function sourceFiles(dir: string, exts = [".ts"]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "generated" || name === "dist") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path, exts));
    else if (exts.some((ext) => name.endsWith(ext)) && !name.endsWith(".d.ts") && !isTest(name)) out.push(path);
  }
  return out.sort();
}

/** Every module specifier of a file: static imports and re-exports (type-only ones too) and dynamic imports. */
export function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")];
  return candidates.find(
    (candidate) => candidate.endsWith(".ts") && existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/** Strongly connected components with more than one file (or a file importing itself), Tarjan's algorithm. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (node: string) => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, indices.get(next)!));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)?.has(node)) result.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) visit(node);
  return result;
}

export interface DomainReport {
  files: number;
  /** Each cycle as the files (relative to src/) of one strongly connected component. */
  cycles: string[][];
  /** Areas that import each other, with one import each way as the evidence. */
  folderPairs: { areas: [string, string]; evidence: [string, string] }[];
  /** Loops of three or more areas (pairs are in folderPairs), each as its areas. */
  areaLoops: string[][];
  /** The kernel or a foundation importing a business area. */
  kernelImports: string[];
  /** An area file importing an entry point. */
  entryImports: string[];
  /** Files directly in src/ that are neither kernel nor entry point (each belongs in an area or on one of the two lists). */
  unplaced: string[];
}

/** Area of a file relative to src/: its first folder, or "" for a file directly in src/. */
const areaOf = (file: string) => (file.includes("/") ? file.slice(0, file.indexOf("/")) : "");

export function checkDomain(srcDir: string): DomainReport {
  const files = sourceFiles(srcDir).map((file) => relative(srcDir, file).split(sep).join("/"));
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const spec of specifiers(readFileSync(join(srcDir, file), "utf8"))) {
      if (!spec.startsWith(".")) continue;
      const target = resolveRelative(join(srcDir, file), spec);
      if (target && !isTest(target)) targets.add(relative(srcDir, target).split(sep).join("/"));
    }
    graph.set(file, targets);
  }

  const areaEdges = new Map<string, string>(); // "from\0to" -> one evidence
  const entryImports: string[] = [];
  const kernelImports: string[] = [];
  const low = (area: string) => area === "" || FOUNDATION_AREAS.includes(area);
  for (const [file, targets] of graph) {
    const from = areaOf(file);
    const kernelSide = from === "" ? KERNEL_FILES.includes(file) : FOUNDATION_AREAS.includes(from);
    for (const target of targets) {
      const to = areaOf(target);
      if (from !== "" && to === "" && ENTRY_FILES.includes(target)) entryImports.push(`${file} -> ${target}`);
      if (kernelSide && !low(to)) kernelImports.push(`${file} -> ${target}`);
      if (from === "" || to === "" || from === to) continue;
      const key = `${from}\0${to}`;
      if (!areaEdges.has(key)) areaEdges.set(key, `${file} -> ${target}`);
    }
  }
  const folderPairs: DomainReport["folderPairs"] = [];
  for (const [key, evidence] of [...areaEdges].sort()) {
    const [from, to] = key.split("\0") as [string, string];
    const back = areaEdges.get(`${to}\0${from}`);
    if (back && from < to) folderPairs.push({ areas: [from, to], evidence: [evidence, back] });
  }
  const areaGraph = new Map<string, Set<string>>();
  for (const key of areaEdges.keys()) {
    const [from, to] = key.split("\0") as [string, string];
    if (!areaGraph.has(from)) areaGraph.set(from, new Set());
    areaGraph.get(from)!.add(to);
  }
  const areaLoops = cycles(areaGraph).filter((loop) => loop.length > 2);
  const unplaced = files.filter(
    (file) => areaOf(file) === "" && !KERNEL_FILES.includes(file) && !ENTRY_FILES.includes(file),
  );
  return {
    files: files.length,
    cycles: cycles(graph),
    folderPairs,
    areaLoops,
    kernelImports: kernelImports.sort(),
    entryImports: entryImports.sort(),
    unplaced,
  };
}

/**
 * The workspace packages each package may use (besides the test and build
 * tools, which any package may use and which use only the bottom layer).
 * Nothing not listed: no upward imports, no imports between apps.
 */
export const PACKAGE_LAYERS: Record<string, string[]> = {
  "@cm/db": [],
  "@cm/documents": [],
  "@cm/notifications": [],
  "@cm/provisioning": [],
  "@cm/domain": ["@cm/db", "@cm/documents", "@cm/notifications", "@cm/provisioning"],
  "@cm/ui": ["@cm/domain"],
  // The integrators' typed client: the AppRouter's types and the transport settings.
  "@cm/client": ["@cm/domain"],
  "@cm/bss": ["@cm/ui", "@cm/domain"],
  "@cm/storefront": ["@cm/ui", "@cm/domain"],
  // @cm/client only in its tests (the server runs the client's README example).
  "@cm/server": ["@cm/domain", "@cm/db", "@cm/documents", "@cm/notifications", "@cm/provisioning", "@cm/client"],
  // Tools: any package may use them; they stand on the bottom layer only.
  "@cm/testing": ["@cm/db", "@cm/notifications"],
  "@cm/bittitan-sim": [],
  "@cm/eslint-config": [],
  "@cm/tsconfig": [],
};
/** Test tools (any package but another test tool may use them) and build configs (any package may use them). */
export const TOOL_PACKAGES = {
  test: ["@cm/testing", "@cm/bittitan-sim"],
  build: ["@cm/eslint-config", "@cm/tsconfig"],
};

const packageOf = (spec: string) => spec.split("/").slice(0, 2).join("/");

/** Violations of PACKAGE_LAYERS in the package.json files and the src/ imports of apps/* and packages/*. */
export function checkPackages(rootDir: string, layers = PACKAGE_LAYERS, tools = TOOL_PACKAGES): string[] {
  const violations: string[] = [];
  for (const group of ["apps", "packages"]) {
    const groupDir = join(rootDir, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir).sort()) {
      const manifestPath = join(groupDir, name, "package.json");
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
        name: string;
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      const allowed = layers[manifest.name];
      if (!allowed) {
        violations.push(
          `${group}/${name}: ${manifest.name} has no place in the layering (scripts/check-imports.ts PACKAGE_LAYERS)`,
        );
        continue;
      }
      const may = (dep: string) =>
        dep === manifest.name ||
        allowed.includes(dep) ||
        tools.build.includes(dep) ||
        (tools.test.includes(dep) && !tools.test.includes(manifest.name));
      const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((dep) =>
        dep.startsWith("@cm/"),
      );
      for (const dep of declared) {
        if (!may(dep)) violations.push(`${group}/${name}/package.json: ${manifest.name} must not depend on ${dep}`);
      }
      for (const file of sourceFiles(join(groupDir, name, "src"), [".ts", ".tsx"])) {
        for (const spec of specifiers(readFileSync(file, "utf8"))) {
          const where = relative(rootDir, file).split(sep).join("/");
          if (spec.startsWith("@cm/")) {
            const dep = packageOf(spec);
            if (!may(dep)) violations.push(`${where}: ${manifest.name} must not import ${spec}`);
          } else if (spec.startsWith(".")) {
            // A relative path out of the package reaches into another one.
            const target = resolve(dirname(file), spec);
            const rel = relative(join(groupDir, name), target);
            if (rel.startsWith("..")) violations.push(`${where}: imports ${spec} outside its package`);
          }
        }
      }
    }
  }
  return violations;
}

export function report(rootDir: string): { ok: boolean; lines: string[] } {
  const domain = checkDomain(join(rootDir, "packages/domain/src"));
  const packages = checkPackages(rootDir);
  const lines = [
    `packages/domain/src: ${domain.files} files, ${domain.cycles.length} cycles, ${domain.folderPairs.length} area pairs importing each other, ${domain.areaLoops.length} longer area loops, ${domain.kernelImports.length} kernel or foundation imports of an area, ${domain.entryImports.length} entry-point imports from areas, ${domain.unplaced.length} files in src/ neither kernel nor entry point`,
    ...domain.cycles.map((cycle) => `  cycle: ${cycle.join(", ")}`),
    ...domain.folderPairs.map(
      ({ areas, evidence }) => `  areas ${areas[0]} <-> ${areas[1]}: ${evidence[0]}; ${evidence[1]}`,
    ),
    ...domain.areaLoops.map((loop) => `  areas in a loop: ${loop.join(", ")}`),
    ...domain.kernelImports.map((line) => `  the kernel or a foundation imports an area: ${line}`),
    ...domain.entryImports.map((line) => `  area imports an entry point: ${line}`),
    ...domain.unplaced.map(
      (file) =>
        `  ${file} is directly in src/ but neither kernel nor entry point (KERNEL_FILES / ENTRY_FILES in scripts/check-imports.ts)`,
    ),
    `packages: ${packages.length} layering violations`,
    ...packages.map((line) => `  ${line}`),
  ];
  const problems =
    domain.cycles.length +
    domain.folderPairs.length +
    domain.areaLoops.length +
    domain.kernelImports.length +
    domain.entryImports.length +
    domain.unplaced.length +
    packages.length;
  return { ok: problems === 0, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { ok, lines } = report(join(dirname(fileURLToPath(import.meta.url)), ".."));
  console.log(lines.join("\n"));
  process.exit(ok ? 0 : 1);
}
