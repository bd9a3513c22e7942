/*
 * 4. Serializer: previews per second of bridge/serialize.ts for typical and hostile values,
 * against JSON.stringify of the same value in the same page (alternating, repeated).
 */
import { openPage, type Context } from "../context.ts";
import type { SerializerBench } from "../pages/api.ts";
import type { Row } from "../results.ts";
import { figure, pairedRatio } from "../stats.ts";

export async function serializer(ctx: Context): Promise<Row[]> {
  const page = await openPage(ctx.plain, `${ctx.urls.plain}serializer.html`);
  const rows: Row[] = [];
  try {
    const bench = (name: string, how: "preview" | "json") =>
      page.evaluate((n, h, ms) => (window.__bench as SerializerBench).measure(n, h, ms), name, how, ctx.sizes.serializer.ms);
    const names = await page.evaluate(() => (window.__bench as SerializerBench).cases());
    for (const name of names) {
      const preview: number[] = [];
      const json: number[] = [];
      let threw = false;
      for (let rep = 0; rep < ctx.sizes.reps; rep++) {
        preview.push((await bench(name, "preview")).opsPerSec);
        const result = await bench(name, "json");
        json.push(result.opsPerSec);
        threw ||= result.threw;
      }
      rows.push({
        id: `serializer.${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`,
        label: `preview(): ${name}`,
        unit: "ops/s",
        value: figure(preview),
        floor: { label: "JSON.stringify", value: figure(json) },
        ratio: pairedRatio(preview, json),
        note: threw ? "JSON.stringify throws on this value (a throw counts as one operation)" : undefined,
      });
    }
    ctx.log(`serializer: ${names.length} cases`);
  } finally {
    await page.close();
  }
  return rows;
}
