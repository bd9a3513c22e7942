/*
 * A valibot schema compiled into plain functions that accept exactly what the schema accepts and
 * return the same output, for the messages a panel validates by the tens of thousands (a snapshot:
 * 10,000 entries and 10,000 events). Valibot's own run allocates a dataset per field and a pipe
 * context per preview, which made validation half a first render; these do one check per field
 * and build only the output. The schema stays the specification: every node is compiled from it
 * (a node of a kind not listed here runs valibot itself), anything the compiled check refuses is
 * run through valibot for its issue, and bridge/compiled-check.test.ts checks that both agree on
 * the fuzz inputs.
 */
import type * as v from "valibot";

/** What a compiled check (and a fast path) returns for input its schema rejects. */
export const REJECTED: unique symbol = Symbol("invalid");
type Check = (input: unknown) => unknown;

interface Node {
  type: string;
  kind: string;
  async?: boolean;
  default?: unknown;
  [field: string]: unknown;
}

/** The schema, checked by its compiled form first and by valibot only for what that refuses. */
export function compiled<S extends v.GenericSchema>(schema: S, fastPaths: ReadonlyMap<unknown, Check> = new Map()): S {
  const check = compileCheck(schema, fastPaths);
  return {
    ...schema,
    "~run"(dataset, config) {
      const output = check(dataset.value);
      if (output === REJECTED) return schema["~run"](dataset, config);
      return { typed: true, value: output } as ReturnType<S["~run"]>;
    },
  };
}

/** The schema's compiled check alone: its output, or REJECTED where the schema has issues. */
export const compileCheck = (schema: v.GenericSchema, fastPaths: ReadonlyMap<unknown, Check> = new Map()): Check => compile(schema as unknown as Node, fastPaths);

/** A check for one schema node; `fastPaths` gives the checks of nodes valibot cannot describe (a preview's reader). */
function compile(node: Node, fastPaths: ReadonlyMap<unknown, Check>): Check {
  const fast = fastPaths.get(node);
  if (fast) return fast;
  if (node.async) throw new Error("compiled: async schemas are not supported");
  // A pipe is its first schema's node (same type) with the pipe added.
  if (Array.isArray(node.pipe)) return compilePipe(node, fastPaths) ?? valibot(node);
  switch (node.type) {
    case "string":
      return (input) => (typeof input === "string" ? input : REJECTED);
    case "number":
      return (input) => (typeof input === "number" && !Number.isNaN(input) ? input : REJECTED);
    case "boolean":
      return (input) => (typeof input === "boolean" ? input : REJECTED);
    case "unknown":
      return (input) => input;
    case "literal": {
      const literal = node.literal;
      if (literal !== literal) break; // NaN: valibot compares with SameValueZero
      return (input) => (input === literal ? input : REJECTED);
    }
    case "picklist": {
      const options = node.options as unknown[];
      return (input) => (options.includes(input) ? input : REJECTED);
    }
    case "custom": {
      const test = node.check as (input: unknown) => boolean;
      return (input) => (test(input) ? input : REJECTED);
    }
    case "optional":
    case "nullable": {
      if (node.default !== undefined) break;
      const wrapped = compile(node.wrapped as Node, fastPaths);
      const empty = node.type === "optional" ? undefined : null;
      return (input) => (input === empty ? input : wrapped(input));
    }
    case "array": {
      const item = compile(node.item as Node, fastPaths);
      return (input) => {
        if (!Array.isArray(input)) return REJECTED;
        const output: unknown[] = [];
        for (let i = 0; i < input.length; i++) {
          const value = item(input[i]);
          if (value === REJECTED) return REJECTED;
          output.push(value);
        }
        return output;
      };
    }
    case "object":
      return compileObject(node, fastPaths);
    case "variant":
      return compileVariant(node, fastPaths) ?? valibot(node);
  }
  return valibot(node);
}

/** Fields in the schema's order; unknown fields left out; an optional field present as undefined kept, as valibot does. */
function compileObject(node: Node, fastPaths: ReadonlyMap<unknown, Check>): Check {
  const entries = Object.entries(node.entries as Record<string, Node>);
  if (entries.some(([, schema]) => isOptional(schema) && schema.default !== undefined)) return valibot(node);
  if (entries.some(([, schema]) => (schema as { fallback?: unknown }).fallback !== undefined)) return valibot(node);
  const keys = entries.map(([key]) => key);
  const checks = entries.map(([, schema]) => compile(schema, fastPaths));
  const required = entries.map(([, schema]) => !isOptional(schema));
  return (input) => {
    if (!input || typeof input !== "object") return REJECTED;
    const fields = input as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key in fields) {
        const value = checks[i](fields[key]);
        if (value === REJECTED) return REJECTED;
        output[key] = value;
      } else if (required[i]) return REJECTED;
    }
    return output;
  };
}

/** A schema an object's field may be absent for. */
export const isOptional = (schema: { type: string }) => schema.type === "optional" || schema.type === "exact_optional" || schema.type === "nullish";

/** A variant whose options are objects told apart by a literal: the option is looked up, not tried in turn. */
function compileVariant(node: Node, fastPaths: ReadonlyMap<unknown, Check>): Check | undefined {
  const key = node.key as string;
  const options = new Map<unknown, Check>();
  for (const option of node.options as Node[]) {
    const discriminator = (option.entries as Record<string, Node> | undefined)?.[key];
    if (option.type !== "object" || discriminator?.type !== "literal" || options.has(discriminator.literal)) return undefined;
    options.set(discriminator.literal, compileObject(option, fastPaths));
  }
  return (input) => {
    if (!input || typeof input !== "object" || !(key in input)) return REJECTED;
    return options.get((input as Record<string, unknown>)[key])?.(input) ?? REJECTED;
  };
}

/** A schema followed by the validations a protocol uses (lengths, integers, minimums). */
function compilePipe(node: Node, fastPaths: ReadonlyMap<unknown, Check>): Check | undefined {
  const [first, ...rest] = node.pipe as Node[];
  if (first.kind !== "schema" || Array.isArray(first.pipe)) return undefined;
  const steps: ((value: never) => boolean)[] = [];
  for (const item of rest) {
    const requirement = item.requirement as number;
    if (item.type === "max_length") steps.push((value: { length: number }) => value.length <= requirement);
    else if (item.type === "min_length") steps.push((value: { length: number }) => value.length >= requirement);
    else if (item.type === "min_value") steps.push((value: number) => value >= requirement);
    else if (item.type === "safe_integer") steps.push((value: number) => Number.isSafeInteger(value));
    else if (item.kind !== "metadata") return undefined;
  }
  const check = compile(first, fastPaths);
  return (input) => {
    const value = check(input);
    if (value === REJECTED) return REJECTED;
    for (let i = 0; i < steps.length; i++) if (!steps[i](value as never)) return REJECTED;
    return value;
  };
}

/** A node compiled as itself: valibot runs it. */
function valibot(node: Node): Check {
  const schema = node as unknown as v.GenericSchema;
  return (input) => {
    const dataset = schema["~run"]({ value: input }, { abortEarly: true });
    return dataset.typed && !dataset.issues ? dataset.value : REJECTED;
  };
}
