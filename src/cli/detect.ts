// coach detect TEXT: what the action detector finds, nothing stored.
import { Command } from 'commander';
import { detectionPlan } from '../app/queries.js';
import { UsageError } from '../errors.js';
import { numberPhrase } from '../plan/metrics.js';
import { tierOfFinding } from '../coach/reader.js';
import { act, examples, jsonOption, readStdinText } from './shared.js';

export function registerDetect(program: Command): void {
  examples(
    program.command('detect').description('show what the action detector finds in a text (decisions, task completions, stated numbers, next steps); stores nothing')
      .argument('<text...>', 'the text (or - to read stdin)')
      .addOption(jsonOption()),
    ['coach detect "I\'ve decided to charge $29/month because my audience is students"', 'coach detect "I set up the Skool group" --json', 'pbpaste | coach detect -'],
  ).action(act(async ({ ctx, out, json }, words: string[]) => {
    const text = words.length === 1 && words[0] === '-' ? await readStdinText('text') : words.join(' ');
    if (!text.trim()) throw new UsageError('the text is empty');
    // The current project's plan when there is one (read-only), else the shipped template.
    const plan = detectionPlan(ctx);
    const { detect } = await import('../detector/index.js');
    const found = detect(text, plan);
    if (json) {
      return out.json({
        decisions: found.decisions.map((d) => ({ category: d.category, tier: tierOfFinding(d), value: d.value, confidence: d.confidence, rationale: d.rationale })),
        taskCompletions: found.taskCompletions.map((c) => ({ taskId: c.taskId, confidence: c.confidence })),
        nextSteps: found.nextSteps.map((s) => ({ taskId: s.taskId, title: s.title, reason: s.reason })),
        numbers: found.numbers.map((n) => ({ metric: n.metric, value: n.value, quote: n.quote })),
      });
    }
    if (!found.decisions.length && !found.taskCompletions.length && !found.numbers.length) out.line('Nothing detected.');
    for (const d of found.decisions) out.line(`${d.confidence === 'high' ? out.green('decision') : out.yellow('maybe   ')} ${d.category}${d.tier && d.tier !== 'regular' ? ` (${d.tier})` : ''}: ${d.value} ${out.dim(`(${d.confidence})`)}${d.rationale ? ` — because ${d.rationale}` : ''}`);
    for (const c of found.taskCompletions) out.line(`${c.confidence === 'high' ? out.green('done    ') : out.yellow('maybe   ')} ${c.taskId} ${out.dim(`(${c.confidence})`)} — "${c.evidence}"`);
    for (const n of found.numbers) out.line(`${out.yellow('number  ')} ${numberPhrase(n.metric, n.value)} ${out.dim('(offered to record, never recorded by detection)')}`);
    for (const s of found.nextSteps) out.line(`${out.cyan('next    ')} ${s.taskId} ${s.title} — ${s.reason}`);
  }));
}
