// A small seeded pseudo-random generator for the demo universe: sfc32 (Chris Doty-Humphrey's Small Fast Counter),
// seeded through splitmix32. Deterministic: the same seed gives the same stream on every run. Never Math.random.

// Module-local aliases: global lookups are slow inside jest's vm sandbox, and this runs them by the million.
const { PI, cos, exp, floor, imul, log, max, min, sin, sqrt } = Math;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = imul(z ^ (z >>> 16), 0x85ebca6b);
    z = imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over a string: turns a label into a 32-bit number for `derive`. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    const init = splitmix32(this.seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.nextUint32(); // warm up
  }

  /** An independent stream for a sub-task (a company, a step), stable however much the parent stream is used. */
  derive(label: string | number): Rng {
    const key = typeof label === "number" ? label >>> 0 : hashString(label);
    return new Rng((imul(this.seed ^ 0x5bd1e995, 0x27d4eb2d) ^ imul(key + 0x165667b1, 0x9e3779b1)) >>> 0);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return floor(this.next() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return mean + sd * z;
    }
    let u = this.next();
    while (u <= 0) u = this.next();
    const v = this.next();
    const r = sqrt(-2 * log(u));
    this.spare = r * sin(2 * PI * v);
    return mean + sd * r * cos(2 * PI * v);
  }

  /** Log-normal given its median and the standard deviation of its logarithm. */
  lognormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[this.int(items.length)] as T;
  }

  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((s, w) => s + max(0, w), 0);
    if (items.length === 0 || items.length !== weights.length || !(total > 0)) {
      throw new Error("weighted pick needs as many positive weights as items");
    }
    let x = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      x -= max(0, weights[i] as number);
      if (x < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /**
   * k distinct indices of 0..weights.length-1, drawn without replacement with probability proportional to weight
   * (Efraimidis–Spirakis keys u^(1/w)).
   */
  weightedSample(weights: readonly number[], k: number): number[] {
    const keyed = weights.map((w, i) => ({ i, key: w > 0 ? log(max(this.next(), 1e-300)) / w : -Infinity }));
    keyed.sort((x, y) => y.key - x.key || x.i - y.i);
    return keyed.slice(0, max(0, min(k, weights.length))).map((e) => e.i);
  }
}
