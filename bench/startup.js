// Benchmark 1, start-up: wall time and peak RSS of scripted commands against `node -e 0`, measured
// round-robin in the same run. Targets (issue 8, and issue 17 for `week --json` and `metrics`):
// median <= 2.5x `node -e 0` and <= 80 MiB.
import { BIN, coachEnv, fmt, measureRounds, rssSource, table, verdict } from './lib.js';
import { projectHome } from './fixtures.js';
import { execFileSync } from 'node:child_process';

export const TARGET_RATIO = 2.5;
export const TARGET_MIB = 80;

export async function run({ runs = 15 } = {}) {
  const home = projectHome('startup');
  const env = coachEnv(home);
  const cases = [
    { name: 'node -e 0 (baseline)', args: ['-e', '0'], env },
    { name: 'coach --version', args: [BIN, '--version'], env },
    { name: 'coach tasks list --json', args: [BIN, 'tasks', 'list', '--json'], env },
    { name: 'coach decisions list --json', args: [BIN, 'decisions', 'list', '--json'], env },
    { name: 'coach week --json', args: [BIN, 'week', '--json'], env },
    { name: 'coach metrics', args: [BIN, 'metrics'], env },
  ];
  // Three check-ins so `coach metrics` has a table, figures and a trend to print (same dates: idempotent).
  for (const [date, w, m, mrr] of [['2026-01-05', '120', '0', '0'], ['2026-01-12', '180', '9', '261'], ['2026-02-12', '240', '14', '406']]) {
    execFileSync(process.execPath, [BIN, 'metrics', 'add', '--date', date, '--waitlist', w, '--members', m, '--mrr', mrr], { env, stdio: 'ignore' });
  }
  const rows = measureRounds(cases, { runs, warmup: 2 });
  const base = rows[0];
  const lines = [
    `${runs} runs each, round-robin after 2 warm-up rounds; peak RSS from ${rssSource === 'time' ? '/usr/bin/time %M' : 'a preload hook (process.resourceUsage().maxRSS)'}`,
    table(
      ['command', 'min ms', 'median ms', 'max ms', 'ratio', 'CPU ms', 'CPU ratio', 'RSS MiB (median)', 'RSS max'],
      rows.map((r) => [r.name, fmt.ms(r.wall.min), fmt.ms(r.wall.median), fmt.ms(r.wall.max), fmt.ratio(r.wall.median / base.wall.median),
        fmt.ms(r.cpu.median), fmt.ratio(r.cpu.median / base.cpu.median), fmt.mib(r.rss.median), fmt.mib(r.rss.max)]),
    ),
  ];
  const verdicts = rows.slice(1).map((r) => {
    const ratio = r.wall.median / base.wall.median;
    return {
      pass: ratio <= TARGET_RATIO && r.rss.median <= TARGET_MIB,
      text: `${r.name}: ${fmt.ms(r.wall.median)} ms = ${fmt.ratio(ratio)} node -e 0 (target <= ${TARGET_RATIO}×), ${fmt.mib(r.rss.median)} MiB (target <= ${TARGET_MIB})`,
    };
  });
  return { title: 'start-up', lines, verdicts, figures: rows };
}
