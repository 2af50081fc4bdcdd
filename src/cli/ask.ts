// coach ask MESSAGE, coach history
import { Command } from 'commander';
import { requireProfile, requireProject } from '../app/context.js';
import { decisionView, messageView } from '../app/views.js';
import { projectMessages } from '../app/queries.js';
import { formatUSD, microsToUSD } from '../usage/money.js';
import { launchMovedLine } from './schedule-view.js';
import { isoLocal } from '../util/dates.js';
import { FLAG_RANGES, act, examples, jsonOption, readStdinText, parseIntArg } from './shared.js';
import type { Output } from './output.js';
import { sanitizeForTerminal } from '../util/text.js';
import { suggestionLine, suggestionViews } from './suggestions.js';
import { CANCEL_EXIT, stdoutIsClosed, whileCancellable, type CancelCause } from './lifecycle.js';

/** Renders finished markdown blocks to stdout (marked-terminal, loaded only for a terminal). */
async function markdownPrinter(out: Output, width: number): Promise<{ push(delta: string): void; end(): void }> {
  const [{ markdownRows }, { MarkdownBlocks }] = await Promise.all([import('../util/markdown.js'), import('./markdown-stream.js')]);
  const blocks = new MarkdownBlocks();
  let first = true;
  const print = (block: string) => {
    const rows = markdownRows(block, Math.max(20, width - 1));
    out.raw(`${first ? '' : '\n'}${rows.map((r) => out.safe(r)).join('\n')}\n`);
    first = false;
  };
  return { push: (delta) => blocks.push(delta).forEach(print), end: () => blocks.end().forEach(print) };
}

export function registerAsk(program: Command): void {
  examples(
    program.command('ask').description('one exchange with the coach: the reply streams to stdout, status goes to stderr')
      .argument('<message...>', 'your message (or - to read it from stdin)')
      .option('--offline', 'use the offline coach (no API call, free, not counted)')
      .addOption(jsonOption()),
    ['coach ask "What should I charge?"', 'coach ask "I\'ve decided to charge $29/month because it matches my audience"', 'cat notes.txt | coach ask -', 'coach ask --offline --json "what next?"'],
  ).action(act(async ({ ctx, out, io, json, debug }, words: string[], opts: { offline?: boolean }) => {
    const raw = words.length === 1 && words[0] === '-' ? await readStdinText('message') : words.join(' ');
    const profile = requireProfile(ctx);
    const project = requireProject(ctx, profile);
    const { runExchange } = await import('../app/exchange.js');
    const controller = new AbortController();
    let cause: CancelCause | null = null;
    const cancel = (c: CancelCause) => {
      cause = c;
      controller.abort(new Error(c === 'EPIPE' ? 'cancelled: stdout was closed' : c === 'SIGINT' ? 'cancelled' : `cancelled by ${c}`));
    };
    let streamed = false;
    let startLine: string | null = null;
    let message = raw;
    // In a terminal the reply is rendered as markdown, a paragraph at a time (plain text when piped).
    const markdown = !json && io.stdout.isTTY ? await markdownPrinter(out, io.stdout.columns ?? 80) : null;
    const { result, reading } = await whileCancellable(cancel, async () => {
      const result = await runExchange(ctx, {
        profile, project, text: raw, offline: opts.offline, surface: 'cli', signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'user') message = e.message.content;
          if (stdoutIsClosed()) return;
          // The status line waits for the first text: a request that fails before any prints one line.
          if (e.type === 'start' && !json) startLine = out.dim(e.offline ? 'offline coach (no API key, or --offline): answers from your plan' : `${e.model} · message ${e.used}/${e.limit} today`);
          else if (e.type === 'detected' && !json) {
            for (const d of e.applied.decisions) out.success(`Recorded ${d.category} decision: ${d.value ?? d.decision}`);
            for (const id of e.applied.tasksCompleted) out.success(`Marked ${id} done`);
            if (e.applied.launchMoved) out.info(launchMovedLine(e.applied.launchMoved));
          } else if (e.type === 'text' && !json) {
            if (startLine) out.info(startLine);
            startLine = null;
            streamed = true;
            if (markdown) markdown.push(e.delta);
            else io.stdout.write(sanitizeForTerminal(e.delta));
          } else if (e.type === 'warning') out.warn(e.message);
        },
      });
      if (controller.signal.aborted) return { result, reading: null };
      if (markdown) markdown.end();
      else if (streamed && !json) io.stdout.write('\n');
      // After the reply, with a key: a cheap model re-reads the message (never fails the exchange).
      const { secondRead } = await import('../app/second-reader.js');
      const reading = await secondRead(ctx, { profile, project, message, exchange: result, signal: controller.signal });
      return { result, reading };
    });
    // A closed stdout ends the exchange like a cancel, silently: the reader has what it wanted.
    if (cause === 'EPIPE' || stdoutIsClosed()) {
      process.exitCode = CANCEL_EXIT.EPIPE;
      return;
    }
    if (controller.signal.aborted && streamed && !json) {
      if (markdown) markdown.end();
      else io.stdout.write('\n');
    }
    const profileFlag = ctx.profileExplicit ? ctx.profileHandle : null;
    const suggestions = suggestionViews(project.plan, result.applied, reading, profileFlag);
    if (reading?.note && debug && !json) out.info(out.dim(`second reader: ${reading.status === 'error' ? 'failed' : 'skipped'} (${reading.note})`));
    const usage = result.usage;
    const costUSD = result.costMicros === null ? null : microsToUSD(result.costMicros);
    if (json) {
      out.json({
        reply: result.reply, model: result.model, offline: result.offline, status: result.status,
        usage: { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cacheCreationTokens: usage.cacheCreationTokens, cacheReadTokens: usage.cacheReadTokens },
        costUSD, decisions: result.applied.decisions.map(decisionView), tasksCompleted: result.applied.tasksCompleted,
        limit: result.limit, suggestions,
        secondReader: reading && { status: reading.status, model: reading.model, costUSD: reading.costMicros === null ? null : microsToUSD(reading.costMicros), dropped: reading.dropped },
        ...(result.error ? { error: result.error.message } : {}),
      });
    } else if (!result.offline && !result.error) {
      const cost = result.costMicros === null ? 'unpriced model' : formatUSD(result.costMicros);
      const readerCost = reading && reading.costMicros !== 0 ? ` (+ ${reading.costMicros === null ? 'unpriced' : formatUSD(reading.costMicros)} second reader)` : '';
      out.info(out.dim(`${result.model} · ${usage.inputTokens + usage.cacheReadTokens + usage.cacheCreationTokens} in / ${usage.outputTokens} out tokens · ${cost}${readerCost} · ${result.limit.used}/${result.limit.limit} messages today`));
    }
    if (!json) for (const s of suggestions) out.info(sanitizeForTerminal(suggestionLine(s)));
    if (result.error) {
      if (cause && result.status === 'interrupted') {
        const what = result.reply ? 'the partial reply was kept' : 'no reply had started (the message was not counted)';
        out.info(`coach: ${cause === 'SIGINT' ? 'interrupted' : `stopped by ${cause}`} — ${what}`);
        process.exitCode = CANCEL_EXIT[cause];
        return;
      }
      throw result.error;
    }
  }));

  examples(
    program.command('history').description('chat messages of the current project')
      .option('-n, --last <n>', 'only the last N messages')
      .addOption(jsonOption()),
    ['coach history', 'coach history -n 10', 'coach history --json'],
  ).action(act(({ ctx, out, json }, opts: { last?: string }) => {
    // Flags first: a bad -n is said even before there is a profile.
    const last = opts.last === undefined ? undefined : parseIntArg('-n', opts.last, FLAG_RANGES.historyLast);
    const profile = requireProfile(ctx);
    const { row } = requireProject(ctx, profile, { allowPaused: true });
    const messages = projectMessages(ctx, row.id, last);
    if (json) return out.json(messages.map(messageView));
    if (!messages.length) return out.info('No messages yet: `coach ask "…"` or `coach chat`.');
    for (const m of messages) {
      const who = m.role === 'user' ? out.bold('you') : out.cyan(m.model === 'offline-coach' ? 'offline coach' : 'coach');
      const flag = m.status === 'complete' ? '' : out.yellow(` [${m.status}]`);
      out.line(`${who}${flag} ${out.dim(isoLocal(m.createdAt))}`);
      out.line(m.content);
      out.line('');
    }
  }));
}
