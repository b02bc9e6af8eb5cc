/** Every verb `tug` knows, in help order. */
import type { Command } from '../command.js';
import { apiResourcesCommand } from './api-resources.js';
import { agentCommand } from './agent.js';
import { applyCommand } from './apply.js';
import { createCommand } from './create.js';
import { deleteCommand } from './delete.js';
import { describeCommand } from './describe.js';
import { execCommand } from './exec.js';
import { getCommand } from './get.js';
import { labelCommand } from './label.js';
import { logsCommand } from './logs.js';
import { scaleCommand } from './scale.js';
import { schedulerCommand } from './scheduler.js';
import { serverCommand } from './server.js';
import { versionCommand } from './version.js';

export const COMMANDS: readonly Command[] = [
  serverCommand,
  schedulerCommand,
  agentCommand,
  getCommand,
  describeCommand,
  logsCommand,
  execCommand,
  applyCommand,
  createCommand,
  deleteCommand,
  scaleCommand,
  labelCommand,
  apiResourcesCommand,
  versionCommand,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}
