/**
 * Name and key formats with the exact wording of k8s.io/apimachinery/pkg/util/validation.
 * Each check returns the list of problems (empty when valid), so callers wrap them in FieldErrors.
 */

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;
const CONFIG_KEY = '[-._a-zA-Z0-9]+';
const ENV_VAR_NAME = '[-._a-zA-Z][-._a-zA-Z0-9]*';

const anchored = new Map<string, RegExp>();
/** The pattern anchored at both ends, compiled once: names are checked on every write. */
function full(re: string): RegExp {
  let compiled = anchored.get(re);
  if (!compiled) {
    compiled = new RegExp(`^${re}$`);
    anchored.set(re, compiled);
  }
  return compiled;
}

/** `(e.g. 'a',  or 'b', regex used for validation is '…')`, with Kubernetes' double space. */
function formatHelp(what: string, regex: string, examples: string[]): string {
  return `${what} (e.g. ${examples.map((e) => `'${e}'`).join(',  or ')}, regex used for validation is '${regex}')`;
}

const maxLen = (n: number): string => `must be no more than ${n} characters`;

function check(value: string, max: number, re: string, help: string): string[] {
  const errs: string[] = [];
  if (value.length > max) errs.push(maxLen(max));
  if (!full(re).test(value)) errs.push(help);
  return errs;
}

const LABEL_HELP = formatHelp(
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  DNS1123_LABEL, ['my-name', '123-abc'],
);
const SUBDOMAIN_HELP = formatHelp(
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  DNS1123_SUBDOMAIN, ['example.com'],
);
const DNS1035_HELP = formatHelp(
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  DNS1035_LABEL, ['my-name', 'abc-123'],
);
const QUALIFIED_HELP_PART = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

export const isDNS1123Label = (v: string): string[] => check(v, 63, DNS1123_LABEL, LABEL_HELP);
export const isDNS1123Subdomain = (v: string): string[] => check(v, 253, DNS1123_SUBDOMAIN, SUBDOMAIN_HELP);
export const isDNS1035Label = (v: string): string[] => check(v, 63, DNS1035_LABEL, DNS1035_HELP);

/** Label and annotation keys: `[prefix/]name`, the prefix a DNS subdomain. */
export function isQualifiedName(v: string): string[] {
  const parts = v.split('/');
  let name = v;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix = '', rest = ''] = parts;
    name = rest;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((e) => `prefix part ${e}`));
  } else if (parts.length > 2) {
    return [formatHelp(`a qualified name ${QUALIFIED_HELP_PART}`, QUALIFIED_NAME, ['MyName', 'my.name', '123-abc']) +
      " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
  }
  if (name.length === 0) return [...errs, 'name part must be non-empty'];
  if (name.length > 63) errs.push(`name part ${maxLen(63)}`);
  if (!full(QUALIFIED_NAME).test(name)) {
    errs.push(formatHelp(`name part ${QUALIFIED_HELP_PART}`, QUALIFIED_NAME, ['MyName', 'my.name', '123-abc']));
  }
  return errs;
}

const LABEL_VALUE_HELP = formatHelp(
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  LABEL_VALUE, ['MyValue', 'my_value', '12345'],
);

export function isValidLabelValue(v: string): string[] {
  return check(v, 63, LABEL_VALUE, LABEL_VALUE_HELP);
}

const CONFIG_KEY_HELP = formatHelp(
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY, ['key.name', 'KEY_NAME', 'key-name'],
);

/** ConfigMap and Secret keys. */
export function isConfigMapKey(v: string): string[] {
  const errs = check(v, 253, CONFIG_KEY, CONFIG_KEY_HELP);
  if (v === '.') errs.push("must not be '.'");
  else if (v === '..') errs.push("must not be '..'");
  else if (v.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

const ENV_VAR_HELP = formatHelp(
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
  ENV_VAR_NAME, ['my.env-name', 'MY_ENV.NAME', 'MyEnvName1'],
);

export function isEnvVarName(v: string): string[] {
  return full(ENV_VAR_NAME).test(v) ? [] : [ENV_VAR_HELP];
}

/** IANA service names: container and service port names. */
export function isPortName(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 15) errs.push(maxLen(15));
  if (!/^[-a-z0-9]+$/.test(v)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (v.includes('--')) errs.push("must not contain consecutive hyphens");
  if (!/[a-z]/.test(v)) errs.push("must contain at least one letter (a-z)");
  if (v.startsWith('-') || v.endsWith('-')) errs.push("must not begin or end with a hyphen");
  return errs;
}

export function isPortNumber(n: number): string[] {
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}

export function isIPv4(v: string): boolean {
  const parts = v.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIP(v: string): boolean {
  return isIPv4(v) || (/^[0-9a-fA-F:.]+$/.test(v) && v.includes(':') && v.split('::').length <= 2);
}

export function isCIDR(v: string): boolean {
  const [ip = '', bits, ...rest] = v.split('/');
  if (rest.length > 0 || bits === undefined || !/^\d{1,3}$/.test(bits)) return false;
  return isIPv4(ip) ? Number(bits) <= 32 : isIP(ip) && Number(bits) <= 128;
}
