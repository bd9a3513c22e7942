/*
 * The plugin's source sites, checked against the source text: every site's line and column in the
 * original file really hold the call it names, in the demo, the SolidStart example and odd inputs.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseAst } from "vite";
import { describe, expect, it } from "vitest";
import { transformSourceSites, type SiteRow } from "./source-sites-transform.ts";

const repo = resolve(import.meta.dirname, "..");
const demo = join(repo, "demo");

function sitesOf(code: string, file: string, root = demo) {
  let id = 0;
  const result = transformSourceSites(code, file, { root, runtimeId: "virtual:solid-query-devtools", nextId: () => ++id });
  if (!result) return undefined;
  const register = /__sqdSites\.register\(("[^"]*"), ("[^"]*"), ("[^"]*"), (\[.*\])\);/.exec(result.code);
  if (!register) throw new Error("no registration");
  return { code: result.code, map: result.map, file: JSON.parse(register[1]) as string, source: JSON.parse(register[2]) as string, rows: JSON.parse(register[4]) as SiteRow[] };
}

/** The source text at a site's 1-based line and column. */
const at = (code: string, [, , line, column]: SiteRow) => code.split("\n")[line - 1].slice(column - 1);

const CALL_TEXT: Record<SiteRow[1], RegExp> = {
  query: /^(query|cache)\(/,
  action: /^action\(/,
  reader: /^createAsync(Store)?\(/,
  revalidate: /^revalidate\(/,
  form: /^<form\b/,
  "use-action": /^useAction\(/,
  response: /^(json|reload|redirect)\(/,
  "query-set": /^([\w$]+\.)?(query|cache|[\w$]+)\.set\(/,
  "query-delete": /^([\w$]+\.)?(query|cache|[\w$]+)\.delete\(/,
  link: /^<([\w$]+\.)?[A-Z][\w$]*[\s>]/,
};

function expectTrueSites(code: string, rows: SiteRow[]) {
  for (const row of rows) expect(at(code, row), `${row[1]} at ${row[2]}:${row[3]}`).toMatch(CALL_TEXT[row[1]]);
}

describe("source sites", () => {
  it("finds every router call of the demo at its line and column, with its component", () => {
    const files = ["queries.ts", "routes/Projects.tsx", "routes/ProjectDetail.tsx", "routes/Stats.tsx", "components/AddTaskForm.tsx", "components/GlobalActions.tsx", "components/TaskList.tsx", "components/RenameProjectForm.tsx"];
    const all: [string, SiteRow][] = [];
    for (const name of files) {
      const code = readFileSync(join(demo, name), "utf8");
      const found = sitesOf(code, join(demo, name))!;
      expect(found.file).toBe(name);
      // DevTools knows the original by this URL, which the source map names.
      expect(found.source).toBe(`file://${join(demo, name)}`);
      expect(found.map.sources).toEqual([found.source]);
      expect(found.map.sourcesContent).toEqual([code]);
      expectTrueSites(code, found.rows);
      // The output is still a module the next plugins can read.
      expect(() => parseAst(found.code, { lang: name.endsWith(".tsx") ? "tsx" : "ts" } as never)).not.toThrow();
      all.push(...found.rows.map((row): [string, SiteRow] => [name, row]));
    }
    const summary = all.map(([name, [, kind, line, , component]]) => `${name}:${line} ${kind}${component ? ` in ${component}` : ""}`);
    expect(summary).toEqual(
      expect.arrayContaining([
        "queries.ts:12 query",
        "queries.ts:32 action",
        "queries.ts:40 response",
        "routes/Projects.tsx:10 reader in Projects",
        "components/GlobalActions.tsx:12 revalidate in GlobalActions",
        "components/AddTaskForm.tsx:12 form in AddTaskForm",
        "components/TaskList.tsx:16 form in TaskList",
      ]),
    );
    expect(all.filter(([, [, kind]]) => kind === "query")).toHaveLength(4);
  });

  it("reads a SolidStart module with \"use server\" queries as written", () => {
    const root = join(repo, "examples/solidstart");
    const file = join(root, "src/lib/queries.ts");
    const code = readFileSync(file, "utf8");
    const found = sitesOf(code, file, root)!;
    expect(found.file).toBe("src/lib/queries.ts");
    expectTrueSites(code, found.rows);
    expect(found.rows.filter(([, kind]) => kind === "query").map(([, , line]) => line)).toEqual([7, 12]);
  });

  it("wraps calls so they still run: definitions, readers, triggers and forms", () => {
    const code = [
      'import { query as q, createAsync, revalidate } from "@solidjs/router";',
      'import * as R from "@solidjs/router";',
      "export const one = q(async () => 1, 'one');",
      "export function View() {",
      "  const value = createAsync(() => one());",
      "  return <form action={R.action(async () => {}, 'go')}><button onClick={() => revalidate(one.key)}>{value()}</button></form>;",
      "}",
    ].join("\n");
    const found = sitesOf(code, join(demo, "x.tsx"))!;
    expect(found.rows.map(([id, kind, , , component]) => [id, kind, component])).toEqual([
      [1, "query", 0],
      [2, "reader", "View"],
      [3, "form", "View"],
      [4, "action", "View"],
      [5, "revalidate", "View"],
    ]);
    expect(found.rows.map((row) => at(code, row).slice(0, 12))).toEqual(["q(async () =", "createAsync(", "<form action", "R.action(asy", "revalidate(o"]);
    expect(found.code).toContain("__sqdSites.define(1, q(async () => 1, 'one'))");
    expect(found.code).toContain("createAsync(__sqdSites.read(2, () => one()))");
    expect(found.code).toContain('<form data-sqd-site="3" action=');
    expect(found.code).toContain("__sqdSites.trigger(5, revalidate)(one.key)");
  });

  it("wraps the app's query.set and query.delete calls and marks its <A> links, by binding, alias or namespace", () => {
    const code = [
      'import { query, A, cache as Old } from "@solidjs/router";',
      'import * as R from "@solidjs/router";',
      'import { A as Other } from "./elsewhere";',
      "export function Nav() {",
      '  query.set("k", 1); R.query.delete("k"); Old.set("j", 2);',
      '  new Map().set("k", 1); query.clear(); query.get?.("k");',
      '  return <nav><A href="/a">a</A><R.A href="/b" /><Other href="/c" /><a href="/d">d</a></nav>;',
      "}",
    ].join("\n");
    const found = sitesOf(code, join(demo, "nav.tsx"))!;
    expect(found.rows.map(([id, kind, , , component]) => [id, kind, component])).toEqual([
      [1, "query-set", "Nav"],
      [2, "query-delete", "Nav"],
      [3, "query-set", "Nav"],
      [4, "link", "Nav"],
      [5, "link", "Nav"],
    ]);
    expectTrueSites(code, found.rows);
    expect(found.code).toContain('__sqdSites.trigger(1, query.set)("k", 1)');
    expect(found.code).toContain('__sqdSites.trigger(2, R.query.delete)("k")');
    expect(found.code).toContain('__sqdSites.trigger(3, Old.set)("j", 2)');
    expect(found.code).toContain('new Map().set("k", 1); query.clear();');
    expect(found.code).toContain('<A data-sqd-site="4" href="/a">a</A><R.A data-sqd-site="5" href="/b" /><Other href="/c" /><a href="/d">');
    expect(() => parseAst(found.code, { lang: "tsx" } as never)).not.toThrow();
  });

  it("leaves alone what it cannot place truly", () => {
    const router = 'import { query } from "@solidjs/router";\nexport const a = query(async () => 1, "a");\n';
    expect(sitesOf(router, join(repo, "node_modules/some-lib/index.js"))).toBeUndefined();
    expect(sitesOf(`${router}const broken = ;`, join(demo, "broken.ts"))).toBeUndefined();
    expect(sitesOf(`"use server";\n${router}`, join(demo, "server.ts"))).toBeUndefined();
    expect(sitesOf('import { query } from "other-router";\nquery(() => 1, "b");\n', join(demo, "other.ts"))).toBeUndefined();
    expect(sitesOf(router, join(demo, "styles.css"))).toBeUndefined();
  });

  it("keeps a directive prologue first and names files outside the root by path", () => {
    const code = '"use client";\nimport { query } from "@solidjs/router";\nexport const a = query(async () => 1, "a");\n';
    const found = sitesOf(code, "/elsewhere/lib/a.ts")!;
    expect(found.code.startsWith('"use client";\n')).toBe(true);
    expect(found.file).toBe("/elsewhere/lib/a.ts");
    expect(found.source).toBe("file:///elsewhere/lib/a.ts");
    expectTrueSites(code, found.rows);
  });
});
