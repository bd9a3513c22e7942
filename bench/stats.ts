/*
 * Summaries of repeated measurements: median with min/max and quartiles, and paired ratios
 * (each repetition's subject over the floor measured right next to it).
 */
export interface Figure {
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  n: number;
  /**
   * A 95% confidence interval of the median (distribution-free: the order statistics the binomial
   * puts around it), so a reader sees how far apart two medians must be to mean anything.
   */
  medianCi: [number, number];
}

function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function figure(samples: number[]): Figure {
  if (!samples.length) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    n: sorted.length,
    medianCi: medianInterval(sorted),
  };
}

function medianInterval(sorted: number[]): [number, number] {
  const n = sorted.length;
  const spread = 0.98 * Math.sqrt(n);
  const low = Math.max(1, Math.round(n / 2 - spread));
  const high = Math.min(n, Math.round(n / 2 + 1 + spread));
  return [sorted[low - 1], sorted[high - 1]];
}

export function pairedRatio(subject: number[], floor: number[]): Figure {
  return figure(subject.map((value, i) => value / floor[i]));
}

export const median = (samples: number[]) => figure(samples).median;
export const percentile = (samples: number[], q: number) => quantile([...samples].sort((a, b) => a - b), q);
