// The standard normal distribution: density φ and cumulative Φ. Φ is Hart's double-precision rational
// approximation (algorithm 5666, as given by G. West, "Better approximations to cumulative normal functions",
// Wilmott 2005): absolute error below 1e-14 everywhere.
const { abs, exp, sqrt, PI } = Math;
const INV_SQRT_2PI = 1 / sqrt(2 * PI);

export function normalPdf(x: number): number {
  return INV_SQRT_2PI * exp(-0.5 * x * x);
}

export function normalCdf(x: number): number {
  const z = abs(x);
  let c: number;
  if (z > 37) c = 0;
  else {
    const e = exp(-0.5 * z * z);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      c = (e * n) / d;
    } else {
      let b = z + 0.65;
      b = z + 4 / b;
      b = z + 3 / b;
      b = z + 2 / b;
      b = z + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}
