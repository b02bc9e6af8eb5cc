/**
 * Incremental newline-delimited JSON: the body of a watch response. Chunks may split lines and
 * multi-byte characters anywhere, so bytes are decoded with a StringDecoder and only complete
 * lines are parsed.
 */
import { StringDecoder } from 'node:string_decoder';

export async function* parseNdjson(source: AsyncIterable<Buffer | string>): AsyncGenerator<unknown> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of source) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let nl = pending.indexOf('\n');
    while (nl >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (line) yield parseLine(line);
      nl = pending.indexOf('\n');
    }
  }
  // A server that closes without a final newline still delivered a complete object.
  const rest = (pending + decoder.end()).trim();
  if (rest) yield parseLine(rest);
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (err) {
    throw new Error(`watch stream: malformed JSON line: ${line.slice(0, 200)}`, { cause: err });
  }
}
