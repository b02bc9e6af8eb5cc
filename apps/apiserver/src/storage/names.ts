/** generateName suffixes as Kubernetes makes them: 5 characters from an alphabet without vowels or look-alikes. */
import { randomInt } from 'node:crypto';

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_NAME = 63;

export function generateName(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix.slice(0, MAX_NAME - 5)}${suffix}`;
}
