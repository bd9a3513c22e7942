/*
 * Serializer throughput in the page's own engine: bridge/serialize.ts `preview` against
 * JSON.stringify of the same value, operations per second (a throw counts as a finished operation).
 */
import { preview } from "../../bridge/serialize.ts";
import type { SerializerBench } from "./api.ts";
import { hostile, typical } from "./serializer-cases.ts";

const cases: Record<string, () => unknown> = { ...typical, ...hostile };
const values = new Map<string, unknown>();
let sink = 0;

function once(how: "preview" | "json", value: unknown): boolean {
  try {
    const out = how === "preview" ? preview(value) : JSON.stringify(value);
    sink += typeof out === "string" ? out.length : 1;
    return false;
  } catch {
    return true;
  }
}

const bench: SerializerBench = {
  cases: () => Object.keys(cases),
  measure(name, how, ms) {
    const value = values.get(name) ?? cases[name]();
    values.set(name, value);
    const threw = once(how, value);
    let ops = 0;
    let batch = 1;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ms) {
      for (let i = 0; i < batch; i++) once(how, value);
      ops += batch;
      elapsed = performance.now() - start;
      if (elapsed < ms / 10) batch *= 2;
    }
    if (sink < 0) console.log(sink);
    return { opsPerSec: (ops * 1000) / elapsed, threw };
  },
};
window.__bench = bench;
