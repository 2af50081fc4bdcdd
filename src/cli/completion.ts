// coach completion bash|zsh|fish: a small script that asks the CLI itself what fits (cobra's and
// gh's way): `coach __complete -- <words>` prints one candidate a line, worked out from the
// commander tree (commands, options, choices) and the store (task ids, profile names). So the
// scripts never go stale when a command or flag is added.
import { existsSync } from 'node:fs';
import { Argument, Command, Option } from 'commander';
import { createContext, currentTaskIds, profileHandles } from '../app/context.js';
import { dbPath } from '../config/paths.js';
import { SETTING_KEYS } from '../config/settings.js';
import { listTemplates } from '../plan/templates.js';
import { HELP_TOPICS } from './help.js';
import { UsageError } from '../errors.js';
import { examples } from './shared.js';

export interface CompletionSources {
  taskIds(profile: string | undefined): string[];
  profiles(): string[];
  /** Template ids: the shipped ones and the user's. */
  templates(): string[];
}

const visible = (c: Command) => !(c as unknown as { _hidden?: boolean })._hidden;
const optionsOf = (c: Command): readonly Option[] => c.options.filter((o) => !o.hidden);
const argsOf = (c: Command): readonly Argument[] => (c as unknown as { registeredArguments: readonly Argument[] }).registeredArguments ?? [];

function findOption(chain: Command[], word: string): Option | undefined {
  for (const c of chain) {
    const o = c.options.find((x) => x.long === word || x.short === word);
    if (o) return o;
  }
  return undefined;
}

/** Commands whose arguments are task ids, and the one whose argument is a profile name. */
const TASK_ARGS = new Set(['tasks done', 'tasks undo', 'tasks toggle', 'tasks note']);
/** Commands whose first argument is a setting. */
const SETTING_ARGS = new Set(['config get', 'config set', 'config unset']);

/** `coach help …`: the commands below the words typed so far, and the topics. */
function helpCandidates(program: Command, words: string[]): string[] {
  let cmd: Command | undefined = program;
  for (const w of words) cmd = cmd?.commands.find((c) => c.name() === w || c.aliases().includes(w));
  if (!cmd) return [];
  return [...cmd.commands.filter(visible).map((c) => c.name()).filter((n) => n !== 'help'), ...(words.length ? [] : Object.keys(HELP_TOPICS))];
}

/** The candidates for the last word of `words` (the words after `coach`; the last may be empty). */
export function completeWords(program: Command, words: string[], sources: CompletionSources): string[] {
  const cur = words[words.length - 1] ?? '';
  const chain: Command[] = [program];
  const path: string[] = [];
  let profile: string | undefined;
  const operandWords: string[] = [];
  let expectValue: Option | undefined;
  for (const w of words.slice(0, -1)) {
    if (expectValue) {
      if (expectValue.long === '--profile') profile = w;
      expectValue = undefined;
      continue;
    }
    if (w.startsWith('-')) {
      const [name, inline] = w.split('=', 2) as [string, string | undefined];
      const o = findOption(chain, name);
      if (o && (o.required || o.optional) && inline === undefined) expectValue = o;
      if (o?.long === '--profile' && inline !== undefined) profile = inline;
      continue;
    }
    const here = chain[chain.length - 1]!;
    const sub = operandWords.length === 0 ? here.commands.find((c) => c.name() === w || c.aliases().includes(w)) : undefined;
    if (sub) {
      chain.push(sub);
      path.push(sub.name());
    } else operandWords.push(w);
  }
  const operands = operandWords.length;
  const here = chain[chain.length - 1]!;
  let out: string[] = [];
  if (expectValue) {
    if (expectValue.long === '--profile') out = sources.profiles();
    else out = [...(expectValue.argChoices ?? [])];
  } else if (cur.startsWith('-')) {
    out = chain.flatMap((c) => optionsOf(c).map((o) => o.long ?? o.short ?? '')).filter(Boolean);
    out.push('--help');
  } else {
    const key = path.join(' ');
    if (operands === 0) out.push(...here.commands.filter(visible).map((c) => c.name()));
    if (TASK_ARGS.has(key) && (key !== 'tasks note' || operands === 0)) out.push(...sources.taskIds(profile));
    else if (key === 'profile use' && operands === 0) out.push(...sources.profiles());
    else if (SETTING_ARGS.has(key) && operands === 0) out.push(...SETTING_KEYS);
    else if (key === 'templates show' && operands === 0) out.push(...sources.templates());
    else if (key === 'help') out.push(...helpCandidates(program, operandWords));
    else out.push(...(argsOf(here)[operands]?.argChoices ?? []));
  }
  return [...new Set(out)].filter((c) => c.startsWith(cur));
}

/** Task ids and profile names from the store, template ids from the files; nothing (never an error, never a new database) when there is no store yet. */
function storeSources(): CompletionSources {
  const withCtx = <T>(profile: string | undefined, fn: (ctx: ReturnType<typeof createContext>) => T[], needsStore = true): T[] => {
    try {
      const ctx = createContext({ profile });
      try {
        return !needsStore || existsSync(dbPath(ctx.home)) ? fn(ctx) : [];
      } finally {
        ctx.close();
      }
    } catch {
      return [];
    }
  };
  return {
    profiles: () => withCtx(undefined, profileHandles),
    taskIds: (profile) => withCtx(profile, currentTaskIds),
    templates: () => withCtx(undefined, (ctx) => listTemplates(ctx.templatesDir).templates.map((t) => t.id), false),
  };
}

const SCRIPTS: Record<string, string> = {
  bash: `# coach completion for bash. Load it now:  source <(coach completion bash)
# or for good:  coach completion bash > ~/.local/share/bash-completion/completions/coach
_coach_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(coach __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _coach_complete coach
`,
  zsh: `#compdef coach
# coach completion for zsh. Load it now:  source <(coach completion zsh)
# or for good:  coach completion zsh > "\${fpath[1]}/_coach"
_coach() {
  local -a items
  items=("\${(@f)$(coach __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -- \${items:#}
}
if [ "$funcstack[1]" = "_coach" ]; then _coach "$@"; else compdef _coach coach; fi
`,
  fish: `# coach completion for fish. Load it now:  coach completion fish | source
# or for good:  coach completion fish > ~/.config/fish/completions/coach.fish
function __coach_complete
    set -l words (commandline -opc) (commandline -ct)
    coach __complete -- $words[2..-1] 2>/dev/null
end
complete -c coach -f -a '(__coach_complete)'
`,
};

export function registerCompletion(program: Command): void {
  const cmd = program
    .command('completion')
    .description('shell completion: commands, options and their values, task ids and profile names')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(Object.keys(SCRIPTS)))
    .action((shell: string) => {
      const script = SCRIPTS[shell];
      if (!script) throw new UsageError(`no completion for "${shell}"`);
      process.stdout.write(script);
    });
  examples(cmd, ['coach completion bash > ~/.local/share/bash-completion/completions/coach', 'coach completion zsh > "${fpath[1]}/_coach"', 'coach completion fish > ~/.config/fish/completions/coach.fish']);
  cmd.addHelpText('after', 'For this shell only: source <(coach completion bash), source <(coach completion zsh) or coach completion fish | source.\n');

  program
    .command('__complete', { hidden: true })
    .description('candidates for the last word (used by the completion scripts)')
    .argument('[words...]')
    .helpOption(false)
    .allowUnknownOption()
    .action((words: string[]) => {
      const found = completeWords(program, words.length ? words : [''], storeSources());
      if (found.length) process.stdout.write(`${found.join('\n')}\n`);
    });
}
