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
  };
}

export function pairedRatio(subject: number[], floor: number[]): Figure {
  return figure(subject.map((value, i) => value / floor[i]));
}

export const median = (samples: number[]) => figure(samples).median;
export const percentile = (samples: number[], q: number) => quantile([...samples].sort((a, b) => a - b), q);
