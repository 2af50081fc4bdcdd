// Every command group, registered in the order help lists them.
import type { Command } from 'commander';
import { registerAsk } from './ask.js';
import { registerConfig } from './config.js';
import { registerDecisions } from './decisions.js';
import { registerProfile } from './profile.js';
import { registerProject } from './project.js';
import { registerTasks } from './tasks.js';
import { registerTemplates } from './templates.js';

export function registerAll(program: Command): void {
  registerProfile(program);
  registerProject(program);
  registerTasks(program);
  registerDecisions(program);
  registerAsk(program);
  registerTemplates(program);
  registerConfig(program);
}
