// Every command group, registered in the order help lists them.
import type { Command } from 'commander';
import { registerAsk } from './ask.js';
import { registerCompletion } from './completion.js';
import { registerConfig } from './config.js';
import { registerDecisions } from './decisions.js';
import { registerDetect } from './detect.js';
import { registerDoctor } from './doctor.js';
import { registerExport } from './export.js';
import { registerHelp } from './help.js';
import { registerProfile } from './profile.js';
import { registerProject } from './project.js';
import { registerTasks } from './tasks.js';
import { registerTemplates } from './templates.js';
import { registerChat } from './ui.js';
import { registerUsage } from './usage.js';
import { registerWeek } from './week.js';
import { registerMetrics } from './metrics.js';

export function registerAll(program: Command): void {
  registerProfile(program);
  registerProject(program);
  registerTasks(program);
  registerWeek(program);
  registerMetrics(program);
  registerDecisions(program);
  registerChat(program);
  registerAsk(program);
  registerUsage(program);
  registerTemplates(program);
  registerExport(program);
  registerConfig(program);
  registerDoctor(program);
  registerDetect(program);
  registerCompletion(program);
  registerHelp(program);
}
