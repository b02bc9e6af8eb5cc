/** The shape every verb shares: its flags, its usage line, and `run`. */
import type { KubeConfig, RestClient } from '@tugboat/client';
import type { FlagSpec, ParsedArgs } from './args.js';

export interface Writer {
  write(chunk: string): unknown;
}

export interface Io {
  readonly stdout: Writer;
  readonly stderr: Writer;
  /** the whole of standard input, for `-f -` */
  readStdin(): Promise<string>;
  /** standard input as a stream, for `exec -i`; without it exec sends readStdin()'s text */
  readonly stdinStream?: NodeJS.ReadableStream;
  /** the terminal, when stdin and stdout are one (`exec -t` puts it in raw mode and follows its size) */
  readonly terminal?: Terminal;
}

export interface TerminalSize {
  width: number;
  height: number;
}

export interface Terminal {
  setRawMode(raw: boolean): void;
  size(): TerminalSize;
  /** calls listener on every size change until the returned function is called */
  onResize(listener: () => void): () => void;
}

/** The connection a verb works through, loaded lazily from the kubeconfig on first use. */
export interface Session {
  readonly client: RestClient;
  /** the kubeconfig behind client, for connections it cannot make (streamed logs, exec WebSockets) */
  readonly config: KubeConfig;
  /** -n/--namespace, else the context's namespace, else `default` */
  readonly namespace: string;
  /** true when -n/--namespace was given on the command line */
  readonly namespaceFromFlag: boolean;
}

export interface CommandContext {
  readonly io: Io;
  session(): Promise<Session>;
  now(): Date;
}

/** A long-running verb (`server`) hands back what main.ts must close on SIGINT/SIGTERM. */
export interface Running {
  /** settles when the service stops on its own (a fatal error) */
  readonly done: Promise<void>;
  close(): Promise<void>;
}

export type CommandResult = number | Running;

export interface Command {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly summary: string;
  readonly usage: string;
  readonly flags: readonly FlagSpec[];
  /** false for verbs that never talk to an apiserver through a kubeconfig (`server`) */
  readonly usesKubeconfig?: boolean;
  run(ctx: CommandContext, args: ParsedArgs): Promise<CommandResult>;
}

export function isRunning(result: CommandResult): result is Running {
  return typeof result === 'object';
}
