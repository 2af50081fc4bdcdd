// `coach help [command|environment|exit-codes]`: commander's help, plus two topics of our own.
import type { Command } from 'commander';
import { KEY_ENV, SETTING_ENV, SETTING_HELP, type SettingKey } from '../config/settings.js';

const EXIT_CODES = `Exit codes:
  0    ok
  1    unexpected failure (a bug: run again with --debug and report it)
  2    invalid input or usage: unknown task id, bad flag, bad template, nothing set up yet,
       a data file that cannot be used (newer schema, not a database)
  3    limit reached: daily message limit or daily cost cap (resets at local midnight)
  4    API key missing or rejected (401/403)
  5    API unreachable, or failing after retries (429/5xx/529, dropped or stalled stream)
  6    the data file stayed locked by another process for more than 5 s; nothing was changed, try again
  129  \`coach ask\` stopped by SIGHUP (terminal closed): like Ctrl+C
  130  \`coach ask\` cancelled with Ctrl+C (the partial reply is kept, marked interrupted);
       Ctrl+C at a confirmation question (\`project abandon\`): nothing changed
  141  stdout closed by its reader (e.g. \`| head\`): an exchange ends like a cancel, silently
  143  \`coach ask\` stopped by SIGTERM: like Ctrl+C
`;

function environment(): string {
  const rows: [string, string][] = [
    ['COACH_HOME', 'data directory (default: the platform data dir, e.g. ~/.local/share/creator-coach)'],
    ...KEY_ENV.map((k): [string, string] => [k, k === 'ANTHROPIC_API_KEY' ? 'Anthropic API key (never printed or stored in the database)' : 'alias of ANTHROPIC_API_KEY (the seed\'s name)']),
    ['ANTHROPIC_BASE_URL', 'API endpoint (gateways, local test servers)'],
    ...Object.entries(SETTING_ENV).flatMap(([key, names]) => (names ?? []).map((n): [string, string] => [n, `overrides the ${key} setting: ${SETTING_HELP[key as SettingKey]}`])),
    ['NO_COLOR', 'set and not empty: no colour (no-color.org)'],
    ['CLICOLOR', '0: no colour'],
    ['FORCE_COLOR', 'colour even when stdout is not a terminal (0 or false: none; never with --json)'],
    ['TZ', 'time zone of "today" for limits and usage reports'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `Environment variables:\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}

export const HELP_TOPICS: Record<string, () => string> = {
  environment,
  'exit-codes': () => EXIT_CODES,
};

export function registerHelp(program: Command): void {
  program.helpCommand(false);
  program
    .command('help')
    .description('help for a command, or a topic: environment, exit-codes')
    .argument('[topic...]', 'a command (e.g. "tasks done") or a topic')
    .addHelpText('after', '\nExamples:\n  $ coach help tasks\n  $ coach help environment\n  $ coach help exit-codes\n')
    .action((words: string[]) => {
      const topic = HELP_TOPICS[words.join(' ')];
      if (topic) {
        process.stdout.write(topic());
        return;
      }
      let cmd: Command = program;
      for (const w of words) {
        const next = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
        if (!next) {
          process.stderr.write(`coach: no help for "${words.join(' ')}": not a command or topic (topics: ${Object.keys(HELP_TOPICS).join(', ')})\n`);
          process.exitCode = 2;
          return;
        }
        cmd = next;
      }
      cmd.outputHelp();
    });
  program.addHelpText('after', [
    '',
    'Examples:',
    '  $ coach                                   # the terminal UI (onboarding on first run)',
    '  $ coach profile set --name "Jane" --platform instagram:45000:3.2 --hours 6',
    '  $ coach project start && coach tasks list --open',
    '  $ coach ask "I\'ve decided to charge $29/month because it matches my audience"',
    '',
    'More help: coach help <command> · coach help environment · coach help exit-codes',
    '',
  ].join('\n'));
}
