/**
 * A small pflag-style argument parser: `--name value`, `--name=value`, `-n value`, `-nvalue`,
 * combined boolean shorts (`-Aw`), `--flag=false`, repeated or comma-separated list flags, `--`.
 * Flags may appear anywhere among the positionals, as with kubectl.
 */

export type FlagType = 'boolean' | 'string' | 'strings' | 'int';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  readonly description: string;
  /** shown in help; the accessors take their own fallbacks */
  readonly default?: string;
}

/** A user mistake on the command line: printed as `error: <message>` with exit code 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type FlagValue = boolean | string | string[] | number;

export class ParsedArgs {
  constructor(
    readonly positionals: readonly string[],
    private readonly values: ReadonlyMap<string, FlagValue>,
  ) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  bool(name: string, fallback = false): boolean {
    const v = this.values.get(name);
    return typeof v === 'boolean' ? v : fallback;
  }

  str(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : undefined;
  }

  strs(name: string): string[] {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : [];
  }

  int(name: string): number | undefined {
    const v = this.values.get(name);
    return typeof v === 'number' ? v : undefined;
  }
}

function parseBool(name: string, raw: string): boolean {
  if (['true', '1', 't', 'T', 'TRUE', 'True'].includes(raw)) return true;
  if (['false', '0', 'f', 'F', 'FALSE', 'False'].includes(raw)) return false;
  throw new UsageError(`invalid argument "${raw}" for "--${name}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
}

function convert(spec: FlagSpec, raw: string, previous: FlagValue | undefined): FlagValue {
  switch (spec.type) {
    case 'boolean':
      return parseBool(spec.name, raw);
    case 'int': {
      if (!/^-?\d+$/.test(raw)) {
        throw new UsageError(`invalid argument "${raw}" for "--${spec.name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      }
      return Number.parseInt(raw, 10);
    }
    case 'strings':
      return [...(Array.isArray(previous) ? previous : []), ...raw.split(',').filter((s) => s.length > 0)];
    case 'string':
      return raw;
  }
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const values = new Map<string, FlagValue>();
  const positionals: string[] = [];

  const set = (spec: FlagSpec, raw: string): void => {
    values.set(spec.name, convert(spec, raw, values.get(spec.name)));
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const takeNext = (flag: string): string => {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`flag needs an argument: ${flag}`);
      i++;
      return next;
    };

    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, arg.slice(eq + 1));
      else if (spec.type === 'boolean') values.set(spec.name, true);
      else set(spec, takeNext(`--${name}`));
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      // -A, -Aw, -n ns, -nns, -n=ns
      for (let j = 1; j < arg.length; j++) {
        const short = arg[j]!;
        const spec = byShort.get(short);
        if (!spec) throw new UsageError(`unknown shorthand flag: '${short}' in ${arg}`);
        if (spec.type === 'boolean') {
          if (arg[j + 1] === '=') {
            set(spec, arg.slice(j + 2));
            break;
          }
          values.set(spec.name, true);
          continue;
        }
        const rest = arg.slice(j + 1);
        set(spec, rest.length > 0 ? rest.replace(/^=/, '') : takeNext(`-${short}`));
        break;
      }
      continue;
    }
    positionals.push(arg);
  }
  return new ParsedArgs(positionals, values);
}

/** Help text for a list of flags, aligned. */
export function formatFlags(specs: readonly FlagSpec[]): string {
  const left = specs.map((s) => {
    const short = s.short ? `-${s.short}, ` : '    ';
    const value = s.type === 'boolean' ? '' : s.type === 'int' ? ' int' : ' string';
    return `  ${short}--${s.name}${value}`;
  });
  const width = Math.max(0, ...left.map((l) => l.length));
  return specs
    .map((s, i) => {
      const dflt = s.default !== undefined ? ` (default ${s.default})` : '';
      return `${left[i]!.padEnd(width)}   ${s.description}${dflt}`;
    })
    .join('\n');
}

/** A Go-style duration (`30s`, `1m30s`, `500ms`, `0`) in milliseconds. */
export function parseDuration(flag: string, raw: string): number {
  if (raw === '0') return 0;
  const unit: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let rest = raw;
  while (rest.length > 0) {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)/.exec(rest);
    if (!m) throw new UsageError(`invalid argument "${raw}" for "--${flag}" flag: time: invalid duration "${raw}"`);
    total += Number(m[1]) * unit[m[2]!]!;
    rest = rest.slice(m[0].length);
  }
  return total;
}
