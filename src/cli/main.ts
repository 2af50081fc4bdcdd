// The commander program: global flags, command groups (each file registers its own), and the one
// top-level error handler that turns any failure into one line and the spec's exit code.
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, asStoreFailure, exitCodeOf, formatError, visibleControls } from '../errors.js';
import { registerAll } from './commands.js';
import type { GlobalOptions } from './globals.js';
import { runDefaultAction } from './ui.js';
import { VERSION } from './version.js';

/**
 * Commander's error (several lines: the error, "(Did you mean tasks?)") as the one line every
 * failure prints: `coach: unknown command 'taks' — did you mean 'tasks'?`.
 */
export function commanderLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const message = choicesLine((lines[0] ?? 'invalid usage').replace(/^error:\s*/, ''));
  const suggestion = lines.map((l) => /^\(Did you mean (?:one of )?(.+?)\?\)$/.exec(l)?.[1]).find(Boolean);
  const quoted = suggestion?.split(/,\s*/).map((x) => `'${x}'`).join(' or ');
  return `coach: ${message}${quoted ? ` — did you mean ${quoted}?` : ''}`;
}

/**
 * A value outside a flag's or argument's choices, said like every other bad value:
 * `--experience must be one of beginner, intermediate, advanced, got "guru"`.
 */
function choicesLine(message: string): string {
  const option = /^option '(-[^' ]+)[^']*' argument '(.*)' is invalid\. Allowed choices are (.+?)\.?$/.exec(message);
  if (option) return `${option[1]} must be one of ${option[3]}, got "${option[2]}"`;
  const argument = /^command-argument value '(.*)' is invalid for argument '([^']+)'\. Allowed choices are (.+?)\.?$/.exec(message);
  if (argument) return `${argument[2]} must be one of ${argument[3]}, got "${argument[1]}"`;
  return message;
}

export function buildProgram(): Command {
  const program = new Command('coach')
    .description('A terminal coach that takes you from "I have an audience" to a launched, paying premium community.')
    .version(VERSION, '-V, --version', 'print the version')
    .addOption(new Option('--profile <name>', 'creator profile to use (default: the defaultProfile setting, "default")'))
    .option('--no-color', 'no colour in output (also NO_COLOR=1 or CLICOLOR=0; FORCE_COLOR=1 forces it)')
    .option('--debug', 'print stack traces on failure (pointing at src/ files)')
    .option('--compact', 'narrow tables: only the essential columns')
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`${visibleControls(commanderLine(s))}
`),
    })
    .exitOverride();
  program.configureHelp({ sortSubcommands: false, showGlobalOptions: true });
  registerAll(program);
  // Bare `coach`: the terminal UI (help when not on a terminal). Set after the subcommands, which keep their own rules.
  program.allowExcessArguments(true).action(() => runDefaultAction(program));
  return program;
}

export async function main(argv = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? ExitCode.ok : Number(process.exitCode);
  } catch (caught) {
    const err = asStoreFailure(caught);
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return ExitCode.ok;
      // commander already printed its one line
      return ExitCode.usage;
    }
    const debug = program.opts<GlobalOptions>().debug || process.argv.includes('--debug');
    process.stderr.write(`${formatError(err, debug)}\n`);
    return exitCodeOf(err);
  }
}

