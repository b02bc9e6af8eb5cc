/**
 * Kubernetes resource quantities (`500m`, `1.5`, `128Mi`, `1G`, `2e3`), as resource.Quantity parses them.
 * Values are decoded exactly (decimal digits × 10^n × 1024^k, in BigInt) so `0.1` CPU is 100 millicores,
 * not 100.00000000000001; callers then get plain numbers in base units.
 */

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };

// sign, digits with an optional fraction, then a suffix: SI letter, binary Ki..Ei, or an exponent e/E±n.
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** An exact decoded quantity: value = sign × digits × 10^exp10 × 1024^exp1024. */
interface Decoded {
  negative: boolean;
  digits: bigint;
  exp10: number;
  exp1024: number;
}

function decode(s: string): Decoded | undefined {
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const [, sign, num = '', suffix = ''] = m;
  const [whole = '', frac = ''] = num.split('.');
  const digits = BigInt(`${whole}${frac}` || '0');
  let exp10 = -frac.length;
  let exp1024 = 0;
  if (suffix in BINARY_SUFFIXES) exp1024 = BINARY_SUFFIXES[suffix] ?? 0;
  else if (/^[eE][+-]?\d+$/.test(suffix)) exp10 += Number(suffix.slice(1));
  else exp10 += DECIMAL_SUFFIXES[suffix] ?? 0;
  return { negative: sign === '-', digits, exp10, exp1024 };
}

/** A quantity as it may arrive from YAML: a string or a bare number (`cpu: 1`). */
export type QuantityInput = string | number;

function toText(q: QuantityInput): string {
  return typeof q === 'number' ? (Number.isFinite(q) ? String(q) : '') : q;
}

export function isValidQuantity(q: unknown): q is QuantityInput {
  // decode() fails only on the pattern: test it without building the BigInt (validation calls this per quantity)
  return (typeof q === 'string' || typeof q === 'number') && QUANTITY.test(toText(q));
}

function mustDecode(q: QuantityInput): Decoded {
  const d = decode(toText(q));
  if (!d) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${JSON.stringify(q)}`);
  return d;
}

/** value × 10^scale rounded up (away from zero for positives, as Quantity.ScaledValue does). */
function scaled(d: Decoded, scale: number): bigint {
  let num = d.digits * 1024n ** BigInt(d.exp1024);
  let den = 1n;
  const e = d.exp10 + scale;
  if (e >= 0) num *= 10n ** BigInt(e);
  else den = 10n ** BigInt(-e);
  const q = num / den;
  const up = num % den === 0n ? q : q + 1n;
  return d.negative ? -up : up;
}

const MAX_REMEMBERED = 1024;

/**
 * Pods repeat a handful of quantities (`100m`, `128Mi`) and the scheduler reads them for every pod
 * it places or sees bound, so each function remembers its answers (a bounded table; a malformed
 * quantity throws every time and is not remembered). Decoding is a regular expression and BigInt
 * arithmetic, a microsecond or two; a lookup is a hash of a short string.
 */
function remembered(fn: (q: QuantityInput) => number): (q: QuantityInput) => number {
  const seen = new Map<QuantityInput, number>();
  return (q) => {
    let v = seen.get(q);
    if (v === undefined) {
      v = fn(q);
      if (seen.size >= MAX_REMEMBERED) seen.clear();
      seen.set(q, v);
    }
    return v;
  };
}

/** The value in base units (cores, bytes, pods) as a float. Throws on a malformed quantity. */
export const parseQuantity = remembered((q) => {
  const d = mustDecode(q);
  // Going through the decimal string keeps `0.1` exactly the double 0.1.
  const v = Number(`${d.digits}e${d.exp10}`) * 1024 ** d.exp1024;
  return d.negative ? -v : v;
});

/** The value in thousandths (millicores), rounded up as Kubernetes' MilliValue does. */
export const milliValue = remembered((q) => Number(scaled(mustDecode(q), 3)));

/** The value rounded up to a whole number of base units (bytes), as Quantity.Value does. */
export const quantityValue = remembered((q) => Number(scaled(mustDecode(q), 0)));
