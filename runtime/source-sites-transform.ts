/*
 * Where the app calls the router, known at transform time: the Vite plugin reads each of the app's
 * own modules (before any other plugin, so positions are the file as written) and gives every
 * `query(…)`, `action(…)`, `createAsync(…)`, `revalidate(…)`, `useAction(…)`, `json/reload/redirect(…)`,
 * `query.set(…)`/`query.delete(…)` call, `<form action={…}>` and `<A>` a numbered site, registered once per module evaluation. At run time
 * an event only carries a site's number: no stack is captured, nothing is looked up by position.
 * A module that does not parse, code in node_modules and server-only files get no sites: the panel
 * then says "unknown", never a wrong line.
 */
import { relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import MagicString from "magic-string";
import { parseAst } from "vite";

/** What the code at a site does; the page runtime (source-sites.ts) wraps each kind its own way. */
export type SiteKind = "query" | "action" | "reader" | "revalidate" | "form" | "use-action" | "response" | "query-set" | "query-delete" | "link";
/** The kinds a call is: an element (form, link) is none. */
type CallKind = Exclude<SiteKind, "form" | "link">;

/** The router's exports whose calls are sites, by the name they are exported under. */
const ROUTER_CALLS: Record<string, CallKind> = {
  query: "query",
  cache: "query",
  action: "action",
  createAsync: "reader",
  createAsyncStore: "reader",
  revalidate: "revalidate",
  useAction: "use-action",
  json: "response",
  reload: "response",
  redirect: "response",
};
/** The router's static methods on `query` (and its old name `cache`) that are sites, by method name. */
const QUERY_METHODS: Record<string, CallKind> = { set: "query-set", delete: "query-delete" };
/** The router's link component: its anchor carries its site, read when the router preloads its route. */
const LINK = "A";
const ROUTER_PACKAGE = "@solidjs/router";
/** The name the transformed module gives the runtime's site registry. */
const REGISTRY = "__sqdSites";
/** The attribute a form or link carries its site in: the router hands the submitted form to the action, the hovered anchor to its preload. */
export const FORM_SITE_ATTRIBUTE = "data-sqd-site";

/** One site as the module registers it: id, kind, line (1-based), column (1-based), enclosing component. */
export type SiteRow = [id: number, kind: SiteKind, line: number, column: number, component: string | 0];

export interface SourceSitesContext {
  /** The app's root: files are named relative to it. */
  root: string;
  /** The virtual module the registry is imported from. */
  runtimeId: string;
  /** A new site id, unique in this dev server. */
  nextId(): number;
}

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

interface Node {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

/** The transformed module and its source map, or undefined when it has no site (or cannot be read). */
export function transformSourceSites(code: string, id: string, context: SourceSitesContext): { code: string; map: ReturnType<MagicString["generateMap"]> } | undefined {
  const file = id.split("?")[0];
  if (!SOURCE.test(file) || file.startsWith("\0") || /[\\/]node_modules[\\/]/.test(file)) return undefined;
  // Forms submit actions imported from anywhere: a module with a form may not import the router.
  if (!code.includes(ROUTER_PACKAGE) && !code.includes("<form")) return undefined;
  let program: Node;
  try {
    program = parseAst(code, { lang: languageOf(file) } as Parameters<typeof parseAst>[1], file) as unknown as Node;
  } catch {
    return undefined;
  }
  const body = program.body as Node[];
  // A "use server" file is server functions only: the client never runs its code.
  const directives = body.filter((node) => typeof node.directive === "string");
  if (directives.some((node) => node.directive === "use server")) return undefined;
  const { names, namespaces } = routerImports(body);

  const out = new MagicString(code);
  const lines = lineStarts(code);
  const rows: SiteRow[] = [];
  const site = (kind: SiteKind, at: number, component: string | undefined) => {
    const id = context.nextId();
    const [line, column] = position(lines, at);
    rows.push([id, kind, line, column, component ?? 0]);
    return id;
  };

  walk(program, [], (node, functions) => {
    const component = componentOf(functions);
    if (node.type === "CallExpression") {
      const kind = routerCall(node.callee as Node, names, namespaces);
      if (!kind) return;
      const id = site(kind, node.start, component);
      const args = node.arguments as Node[];
      if (kind === "reader") {
        if (args[0] && args[0].type !== "SpreadElement") wrap(out, args[0], `${REGISTRY}.read(${id}, `, ")");
      } else if (kind === "revalidate" || kind === "query-set" || kind === "query-delete") {
        wrap(out, node.callee as Node, `${REGISTRY}.trigger(${id}, `, ")");
      } else {
        const method = kind === "use-action" ? "useAction" : kind === "response" ? "response" : "define";
        wrap(out, node, `${REGISTRY}.${method}(${id}, `, ")");
      }
    } else if (node.type === "JSXOpeningElement" && isActionForm(node)) {
      const id = site("form", node.start, component);
      out.appendLeft((node.name as Node).end, ` ${FORM_SITE_ATTRIBUTE}="${id}"`);
    } else if (node.type === "JSXOpeningElement" && isLink(node.name as Node, names, namespaces)) {
      const id = site("link", node.start, component);
      out.appendLeft((node.name as Node).end, ` ${FORM_SITE_ATTRIBUTE}="${id}"`);
    }
  });
  if (!rows.length) return undefined;

  const fileName = relative(context.root, file).split(sep).join("/");
  const inRoot = !fileName.startsWith("../") && !/^[a-zA-Z]:/.test(fileName) && !fileName.startsWith("/");
  // The source map names the original by its file URL: Vite's own relative name resolves to the
  // served module's URL, and DevTools would then hold two files under one URL (the transformed one
  // first), so opening it by URL would show the transformed code.
  const source = pathToFileURL(file).href;
  const header =
    `import { sourceSites as ${REGISTRY} } from ${JSON.stringify(context.runtimeId)};\n` +
    `${REGISTRY}.register(${JSON.stringify(inRoot ? fileName : file)}, ${JSON.stringify(source)}, ${JSON.stringify(file)}, ${JSON.stringify(rows)});\n`;
  const after = directives.length ? directives[directives.length - 1].end : 0;
  if (after) out.appendLeft(after, `\n${header}`);
  else out.prepend(header);
  return { code: out.toString(), map: out.generateMap({ source, includeContent: true, hires: true }) };
}

function languageOf(file: string): "ts" | "tsx" | "jsx" {
  if (/\.[cm]?tsx$/.test(file)) return "tsx";
  return /\.[cm]?ts$/.test(file) ? "ts" : "jsx";
}

/** The router's bindings in this module: local name → exported name, and namespace imports. */
function routerImports(body: Node[]) {
  const names = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const node of body) {
    if (node.type !== "ImportDeclaration" || (node.source as Node).value !== ROUTER_PACKAGE || node.importKind === "type") continue;
    for (const specifier of node.specifiers as Node[]) {
      const local = (specifier.local as Node).name as string;
      if (specifier.type === "ImportNamespaceSpecifier") namespaces.add(local);
      else if (specifier.type === "ImportSpecifier" && specifier.importKind !== "type") {
        const imported = specifier.imported as Node;
        const name = (imported.name ?? imported.value) as string;
        if (name in ROUTER_CALLS || name === LINK) names.set(local, name);
      }
    }
  }
  return { names, namespaces };
}

function routerCall(callee: Node, names: Map<string, string>, namespaces: Set<string>): CallKind | undefined {
  const name = routerName(callee, names, namespaces);
  if (name !== undefined) return Object.hasOwn(ROUTER_CALLS, name) ? ROUTER_CALLS[name] : undefined;
  // `query.set(…)`, `query.delete(…)`: a method of the router's `query` (by its binding or namespace).
  if (callee.type !== "MemberExpression" || callee.computed) return undefined;
  const object = routerName(callee.object as Node, names, namespaces);
  const method = (callee.property as Node).name as string;
  return (object === "query" || object === "cache") && Object.hasOwn(QUERY_METHODS, method) ? QUERY_METHODS[method] : undefined;
}

/** The router export an expression names (`query`, `Q` imported as an alias, `R.query` of a namespace), if any. */
function routerName(node: Node, names: Map<string, string>, namespaces: Set<string>): string | undefined {
  if (node.type === "Identifier" || node.type === "JSXIdentifier") return names.get(node.name as string);
  const member = node.type === "MemberExpression" ? !node.computed : node.type === "JSXMemberExpression";
  if (!member) return undefined;
  const object = node.object as Node;
  const property = node.property as Node;
  const namespace = (object.type === "Identifier" || object.type === "JSXIdentifier") && namespaces.has(object.name as string);
  return namespace && typeof property.name === "string" ? property.name : undefined;
}

/** `<A …>` of the router: its anchor is what the router preloads a route for, on hover or focus. */
function isLink(name: Node, names: Map<string, string>, namespaces: Set<string>): boolean {
  return routerName(name, names, namespaces) === LINK;
}

/** `<form action={…}>`: the router submits it through the action (a string action is a plain HTML form). */
function isActionForm(node: Node): boolean {
  const name = node.name as Node;
  if (name.type !== "JSXIdentifier" || name.name !== "form") return false;
  return (node.attributes as Node[]).some(
    (attribute) => attribute.type === "JSXAttribute" && (attribute.name as Node).name === "action" && (attribute.value as Node | null)?.type === "JSXExpressionContainer",
  );
}

function wrap(out: MagicString, node: Node, before: string, after: string) {
  out.prependRight(node.start, before);
  out.appendLeft(node.end, after);
}

/**
 * The nearest enclosing named function, if its name is a component's (capitalized): anonymous
 * callbacks are looked through, a named lowercase function (a hook) ends the search.
 */
function componentOf(functions: (string | undefined)[]): string | undefined {
  for (let i = functions.length - 1; i >= 0; i--) {
    const name = functions[i];
    if (name !== undefined) return /^[A-Z]/.test(name) ? name : undefined;
  }
  return undefined;
}

const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/** Visits every node in source order, with the names of the functions around it (undefined: anonymous). */
function walk(node: Node, functions: (string | undefined)[], visit: (node: Node, functions: (string | undefined)[]) => void, parent?: Node) {
  visit(node, functions);
  const inner = FUNCTIONS.has(node.type) ? [...functions, functionName(node, parent)] : functions;
  for (const key in node) {
    if (key === "type" || key === "start" || key === "end") continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) walk(item, inner, visit, node);
    } else if (isNode(child)) walk(child, inner, visit, node);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

function functionName(node: Node, parent: Node | undefined): string | undefined {
  const own = (node.id as Node | null)?.name;
  if (typeof own === "string") return own;
  if (parent?.type === "VariableDeclarator" && parent.init === node) return ((parent.id as Node).name as string | undefined) ?? undefined;
  if ((parent?.type === "Property" || parent?.type === "MethodDefinition") && parent.value === node) return ((parent.key as Node).name as string | undefined) ?? undefined;
  return undefined;
}

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = code.indexOf("\n"); i !== -1; i = code.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset. */
function position(starts: number[], offset: number): [number, number] {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return [low + 1, offset - starts[low] + 1];
}
