/*
 * No code from strings, no HTML from strings: extension/, panel/, bridge/ and runtime/ never use
 * eval, new Function (or Function()), string timers, innerHTML/outerHTML/insertAdjacentHTML or
 * document.write/writeln — not only on page data, anywhere. The panel shows untrusted page data,
 * and one such call is all an injection needs.
 *
 * `npm run lint` runs oxlint with .oxlintrc.json: no-eval, no-new-func, no-implied-eval, and
 * no-restricted-properties for the HTML sinks (also `el["innerHTML"]` and destructuring). Its
 * other settings: `no-unassigned-vars` is off (Solid's `let ref!: HTMLElement` is assigned by JSX
 * `ref={ref}`) and so is `unicorn/no-new-array` (the ring buffer preallocates on purpose).
 *
 * Two things oxlint's rules cannot express, checked here on the AST (the oxc parser Vite ships):
 * - JSX attributes that set HTML: Solid's `<div innerHTML={…}>`, `prop:innerHTML`, and outerHTML;
 * - write/writeln on a document reached through a member chain (`window.document.write`,
 *   `frame.contentDocument.write`): no-restricted-properties only matches the bare `document`.
 * The last tests prove both halves catch planted violations.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { expect, test } from "vitest";
import { Visitor, parseSync, type ESTree } from "vite";

const root = resolve(import.meta.dirname, "..");
const SCANNED = ["extension", "panel", "bridge", "runtime"];
const HTML_PROPS = new Set(["innerHTML", "outerHTML"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Violations oxlint's configuration cannot see, as "file:line: what". */
function scan(file: string, code: string): string[] {
  const result = parseSync(file, code);
  if (result.errors.length) return [`${file}: does not parse: ${result.errors[0].message}`];
  const found: string[] = [];
  const line = (offset: number) => code.slice(0, offset).split("\n").length;
  const propertyName = (node: ESTree.MemberExpression) =>
    node.property.type === "Identifier" && !node.computed ? node.property.name : node.property.type === "Literal" ? String(node.property.value) : undefined;
  new Visitor({
    JSXAttribute(node) {
      const name = node.name.type === "JSXNamespacedName" ? node.name.name.name : node.name.name;
      if (HTML_PROPS.has(name)) found.push(`${file}:${line(node.start)}: JSX ${name} attribute`);
    },
    MemberExpression(node) {
      const name = propertyName(node);
      if (name !== "write" && name !== "writeln") return;
      const object = node.object;
      const holder = object.type === "Identifier" ? object.name : object.type === "MemberExpression" ? propertyName(object) : undefined;
      if (holder && /document$/i.test(holder)) found.push(`${file}:${line(node.start)}: ${holder}.${name}`);
    },
  }).visit(result.program);
  return found;
}

test("no HTML-setting JSX attributes and no document.write through member chains", () => {
  const files = SCANNED.flatMap((dir) => sourceFiles(join(root, dir)));
  expect(files.length).toBeGreaterThan(20);
  const found = files.flatMap((file) => scan(relative(root, file), readFileSync(file, "utf8")));
  expect(found).toEqual([]);
});

test("the AST check catches planted violations", () => {
  const planted = [
    "export const A = () => <div innerHTML={html} />;",
    "export const B = () => <div prop:innerHTML={html} />;",
    "export const C = () => <p outerHTML={html} />;",
    "window.document.write(html);",
    "globalThis.document.writeln(html);",
    'frame.contentDocument["write"](html);',
  ];
  const code = `declare const html: string, frame: HTMLIFrameElement;\n${planted.join("\n")}\n`;
  expect(scan("planted.tsx", code)).toEqual([
    "planted.tsx:2: JSX innerHTML attribute",
    "planted.tsx:3: JSX innerHTML attribute",
    "planted.tsx:4: JSX outerHTML attribute",
    "planted.tsx:5: document.write",
    "planted.tsx:6: document.writeln",
    "planted.tsx:7: contentDocument.write",
  ]);
  // Harmless look-alikes stay quiet.
  expect(scan("fine.tsx", "const d = <div textContent={x} data-innerhtml='1' />; stream.write(x); log.writeln(x);")).toEqual([]);
});

test("the oxlint configuration rejects each forbidden API", () => {
  const planted = [
    'eval("1");',
    'window.eval("1");',
    'new Function("return 1");',
    'Function("return 1");',
    'setTimeout("alert(1)", 1);',
    "el.innerHTML = html;",
    'el["outerHTML"] = html;',
    'el.insertAdjacentHTML("beforeend", html);',
    "const { innerHTML } = el;",
    "document.write(html);",
    "document.writeln(html);",
  ];
  const dir = mkdtempSync(join(tmpdir(), "forbidden-apis-"));
  try {
    const file = join(dir, "planted.ts");
    writeFileSync(file, `declare const el: HTMLElement, html: string;\n${planted.join("\n")}\nexport {};\n`);
    const oxlint = spawnSync(join(root, "node_modules/.bin/oxlint"), ["-c", join(root, ".oxlintrc.json"), "--format", "unix", file], { encoding: "utf8" });
    expect(oxlint.status).not.toBe(0);
    const flagged = new Set([...oxlint.stdout.matchAll(/planted\.ts:(\d+):\d+: .*\[Error/g)].map((match) => Number(match[1])));
    expect([...flagged].sort((a, b) => a - b)).toEqual(planted.map((_, i) => i + 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
