/**
 * Kubernetes variable expansion (third_party/forked/golang/expansion): `$(VAR)` becomes the value of
 * VAR when it is defined and stays as written otherwise; `$$` escapes a `$`, so `$$(VAR)` yields the
 * literal `$(VAR)`. Used for env values (against the variables defined before them) and for
 * command/args (against the container's whole environment).
 */
export function expandVars(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch !== '$' || i + 1 >= input.length) {
      out += ch;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const value = name ? lookup(name) : undefined;
      out += value ?? `$(${name})`;
      i = close + 1;
    } else {
      out += `$${next}`;
      i += 2;
    }
  }
  return out;
}
