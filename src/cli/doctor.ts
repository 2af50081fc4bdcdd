// coach doctor [--check-key] [--json]: is everything in order? Exit 1 when a check fails.
// Runs without the usual context on purpose: a broken settings file or database is what it
// reports, so it must not fail on opening them first, and it changes nothing.
import { Command } from 'commander';
import { fixFileModes, runDoctor, type Check } from '../app/doctor.js';
import { defaultIo, Output } from './output.js';
import { examples, jsonOption } from './shared.js';
import { count } from '../util/words.js';
import type { GlobalOptions } from './globals.js';

const SYMBOL: Record<Check['status'], string> = { ok: '✓', note: 'i', fail: '✗', warn: '!', skip: '-' };

function paint(out: Output, c: Check): string {
  const sym = SYMBOL[c.status];
  return c.status === 'ok' ? out.green(sym) : c.status === 'fail' ? out.red(sym) : c.status === 'warn' ? out.yellow(sym) : c.status === 'note' ? out.cyan(sym) : out.dim(sym);
}

export function registerDoctor(program: Command): void {
  const cmd = program
    .command('doctor')
    .description('check the setup: Node.js, data folder and file modes, database integrity and schema, settings, API key, model')
    .option('--check-key', 'also make one free API request (token counting) to see the key is accepted')
    .option('--fix', 'fix the data folder and database file modes (0700/0600, incl. -wal/-shm), then check')
    .addOption(jsonOption());
  examples(cmd, ['coach doctor', 'coach doctor --check-key', 'coach doctor --json | jq \'.checks[] | select(.status == "fail")\'']);
  cmd.addHelpText('after', 'Each line is ✓ (fine), ✗ (wrong, with a fix), ! (worth a look), i (a note: e.g. no API key, so the offline coach answers) or - (skipped).\nExit status: 0 when nothing is wrong (notes and warnings allowed), 1 when any check fails (✗).\nNothing is changed (the database is opened read-only, without migrations) unless --fix is given:\nthen the folder and file modes are set to 0700/0600 first, and each change is listed.\n');

  cmd.action(async (flags: { checkKey?: boolean; fix?: boolean; json?: boolean }, command: Command) => {
    const globals = command.optsWithGlobals<GlobalOptions & { json?: boolean }>();
    const io = defaultIo();
    const json = !!globals.json;
    const out = new Output(io, { color: globals.color, json, compact: globals.compact });
    if (flags.fix) for (const f of fixFileModes(io.env)) out.success(`fixed ${f}`);
    const checks = await runDoctor({ env: io.env, checkKey: !!flags.checkKey });
    const failed = checks.filter((c) => c.status === 'fail');
    const warned = checks.filter((c) => c.status === 'warn');
    const noted = checks.filter((c) => c.status === 'note');
    if (json) {
      out.json({ ok: failed.length === 0, checks });
    } else {
      for (const c of checks) {
        out.line(`${paint(out, c)} ${out.bold(c.label)}: ${c.detail}`);
        if (c.hint && (c.status === 'fail' || c.status === 'warn' || c.status === 'note')) out.line(`    ${out.dim('→')} ${c.hint}`);
      }
      const extras = [warned.length && count(warned.length, 'warning'), noted.length && count(noted.length, 'note')].filter(Boolean).join(', ');
      if (failed.length) out.info(`${count(failed.length, 'problem')} found${extras ? `; ${extras}` : ''}.`);
      else out.info(extras ? `No problems; ${extras}.` : 'Everything looks good.');
    }
    if (failed.length) process.exitCode = 1;
  });
}
