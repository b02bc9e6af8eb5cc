/** @tugboat/cli as a library: the dispatcher, for e2e suites that drive tug in-process. */
export { runCli } from './cli.js';
export type { CliDeps } from './cli.js';
export { COMMANDS, findCommand } from './commands/index.js';
export type { Command, CommandContext, CommandResult, Io, Running, Session } from './command.js';
