/*
 * The page end of source locations: the app's transformed modules (source-sites-transform.ts)
 * register their sites once when they load, and their router calls go through the small wrappers
 * here. Each costs a constant per call (a field set and reset around the call, or one map write per
 * definition): the instrumentation reads `currentReader` and `currentTrigger` when the router calls it, and looks
 * definitions up by query name or action URL. Nothing here captures a stack.
 */
import type { SourceSite } from "../bridge/source-site.ts";
import type { SiteKind, SiteRow } from "./source-sites-transform.ts";

/** A query or action name claimed by sites in two different files: its definition is unknown. */
const AMBIGUOUS = -1;

export class SourceSites {
  /** Every site registered, by id. */
  readonly byId = new Map<number, SourceSite>();
  /** Sites in the order they were registered or named: a connection sends what it has not sent. */
  readonly log: SourceSite[] = [];
  /** Absolute file of each site, for the editor: never sent to the panel (sessions keep relative paths). */
  private readonly absolute = new Map<number, string>();
  /** The reader (createAsync) whose function is running, if at a known site. */
  currentReader: number | undefined;
  /** The revalidate, useAction, query.set or query.delete call running, or the link whose route is preloading, if at a known site. */
  currentTrigger: number | undefined;
  private readonly queries = new Map<string, number>();
  private readonly actions = new Map<string, number>();
  private readonly responses = new WeakMap<object, number>();
  private readonly triggers = new Map<number, { fn: unknown; wrapped: unknown }>();

  register(file: string, source: string, absolute: string, rows: SiteRow[]): void {
    for (const [id, kind, line, column, component] of rows) {
      const site: SourceSite = { id, kind, file, source, line, column, component: component || undefined };
      this.byId.set(id, site);
      this.absolute.set(id, absolute);
      this.log.push(site);
    }
  }

  /** `query(…)` or `action(…)` at site `id` returned `made`: its name (or URL) is defined there. */
  define<T>(id: number, made: T): T {
    const site = this.byId.get(id);
    const fn = made as { key?: unknown; keyFor?: unknown; url?: unknown } | undefined;
    if (site && typeof made === "function" && fn) {
      if (typeof fn.key === "string" && typeof fn.keyFor === "function") this.claim(this.queries, fn.key, site);
      else if (typeof fn.url === "string" && fn.url) this.claim(this.actions, fn.url, site);
    }
    return made;
  }

  /** A createAsync / createAsyncStore function: the queries it reads are read at site `id`. */
  read<F>(id: number, fn: F): F {
    if (typeof fn !== "function") return fn;
    return ((...args: unknown[]) => {
      const outer = this.currentReader;
      this.currentReader = id;
      try {
        return fn(...args);
      } finally {
        this.currentReader = outer;
      }
    }) as F;
  }

  /** `revalidate`, `query.set` or `query.delete` called at site `id`: what it does names the site. */
  trigger<F>(id: number, fn: F): F {
    return this.during(id, fn);
  }

  /** The function `useAction(…)` returned at site `id`: its submissions name the site. */
  useAction<F>(id: number, fn: F): F {
    return this.during(id, fn);
  }

  /** `json/reload/redirect(…)` at site `id`: an action's response it becomes names the site. */
  response<T>(id: number, made: T): T {
    if (typeof made === "object" && made !== null) this.responses.set(made, id);
    return made;
  }

  // ---- read by the instrumentation ---------------------------------------------------------

  queryDefinition(name: string): number | undefined {
    const id = this.queries.get(name);
    return id === AMBIGUOUS ? undefined : id;
  }

  actionDefinition(url: string): number | undefined {
    const id = this.actions.get(url);
    return id === AMBIGUOUS ? undefined : id;
  }

  /** The site of the form an action was submitted from (the router hands the action its form). */
  formSite(form: unknown): number | undefined {
    return this.elementSite(form, "form");
  }

  /**
   * The running trigger, if it is of `kind`: a call of another kind around this one (a preload
   * inside a useAction, a query.set inside a revalidate) did not make it, so it is unknown.
   */
  triggerOf(kind: SiteKind): number | undefined {
    const id = this.currentTrigger;
    return id !== undefined && this.byId.get(id)?.kind === kind ? id : undefined;
  }

  /** `run` with the site of the `<A>` link `anchor` as the current trigger: the router preloads its route. */
  preloading<T>(anchor: unknown, run: () => T): T {
    const outer = this.currentTrigger;
    this.currentTrigger = this.elementSite(anchor, "link");
    try {
      return run();
    } finally {
      this.currentTrigger = outer;
    }
  }

  responseSite(response: unknown): number | undefined {
    return typeof response === "object" && response !== null ? this.responses.get(response) : undefined;
  }

  /** `file:line:column` as Vite's open-in-editor endpoint takes it. */
  editorPath(id: number): string | undefined {
    const site = this.byId.get(id);
    const file = this.absolute.get(id);
    return site && file ? `${file}:${site.line}:${site.column}` : undefined;
  }

  // ---- internals ----------------------------------------------------------------------------

  /** The site an element of the app carries (the plugin's attribute), if it is of `kind`. */
  private elementSite(element: unknown, kind: SiteKind): number | undefined {
    const value = typeof Element === "function" && element instanceof Element ? element.getAttribute("data-sqd-site") : null;
    const id = value === null ? NaN : Number(value);
    return this.byId.get(id)?.kind === kind ? id : undefined;
  }

  /** A name claimed again from the same file (HMR, a query made inside a function) moves; from another file it is unknown. */
  private claim(names: Map<string, number>, name: string, site: SourceSite) {
    const known = names.get(name);
    const other = known === undefined || known === AMBIGUOUS ? undefined : this.byId.get(known);
    names.set(name, known === AMBIGUOUS || (other && other.file !== site.file) ? AMBIGUOUS : site.id);
    if (site.name !== name) {
      site.name = name;
      this.log.push(site);
    }
  }

  /** `fn` wrapped to set `currentTrigger` while it runs; one wrapper per site and function. */
  private during<F>(id: number, fn: F): F {
    if (typeof fn !== "function") return fn;
    const known = this.triggers.get(id);
    if (known?.fn === fn) return known.wrapped as F;
    const wrapped = (...args: unknown[]) => {
      const outer = this.currentTrigger;
      this.currentTrigger = id;
      try {
        return fn(...args);
      } finally {
        this.currentTrigger = outer;
      }
    };
    this.triggers.set(id, { fn, wrapped });
    return wrapped as F;
  }
}

/** The page's one registry, shared by every transformed module and the instrumentation. */
export const sourceSites = new SourceSites();

export type { SiteKind };
