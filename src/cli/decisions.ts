// coach decisions list|add
import { Command, Option } from 'commander';
import { requireProfile, requireProject } from '../app/context.js';
import { addDecision, decisionValueOf, defaultTierOf, parseCategory } from '../app/tasks.js';
import { decisionView } from '../app/views.js';
import { UsageError } from '../errors.js';
import { DECISION_CATEGORIES } from '../plan/schema.js';
import { projectDecisions } from '../app/queries.js';
import { PRICING_TIERS, type PricingTier } from '../store/schema.js';
import { launchMovedLine } from './schedule-view.js';
import { act, examples, jsonOption, offering } from './shared.js';

export function registerDecisions(program: Command): void {
  const decisions = program.command('decisions').description('what you decided: pricing, platform, structure, timeline, content');
  examples(decisions, ['coach decisions list', 'coach decisions add --category pricing "29 USD/month, founding members 19"']);

  examples(
    decisions.command('list').description('active decisions (with --all, the superseded history too)')
      .addOption(offering(new Option('--category <c>', 'only one category'), DECISION_CATEGORIES))
      .option('--all', 'include superseded decisions')
      .addOption(jsonOption()),
    ['coach decisions list', 'coach decisions list --category pricing --all', 'coach decisions list --json'],
  ).action(act(({ ctx, out, json }, opts: { category?: string; all?: boolean }) => {
    const profile = requireProfile(ctx);
    const { row } = requireProject(ctx, profile, { allowPaused: true });
    const rows = projectDecisions(ctx, row.id, {
      category: opts.category ? parseCategory(opts.category) : undefined,
      includeSuperseded: opts.all,
    });
    if (json) return out.json(rows.map(decisionView));
    if (!rows.length) return out.info('No decisions yet. Tell the coach what you decided, or `coach decisions add --category pricing "29 USD/month"`.');
    out.line(out.table(['#', 'Category', 'Decision', 'Why', 'Status'], rows.map((d) => [
      d.id, d.tier ? `${d.category} (${d.tier})` : d.category, d.value && d.value !== d.decision ? `${d.decision} (${d.value})` : d.decision, d.rationale ?? '',
      d.status === 'active' ? out.green('active') : out.dim(`superseded by #${d.supersededBy ?? '?'}`),
    ]), { drop: [3, undefined, undefined, 1, 2] }));
  }));

  examples(
    decisions.command('add').description('record a decision; it supersedes the active one of its category (for pricing: of its tier)')
      .addOption(offering(new Option('--category <c>', 'what the decision is about').makeOptionMandatory(), DECISION_CATEGORIES))
      .argument('<text>', 'the decision')
      .option('--value <v>', 'short normalised value, e.g. "29 USD/month" or "Skool"')
      .option('--because <why>', 'your rationale')
      .addOption(new Option('--tier <t>', 'pricing only: which price (default regular; a founding price does not replace it)').choices([...PRICING_TIERS]))
      .addOption(jsonOption()),
    ['coach decisions add --category pricing "29 USD/month" --because "matches what my audience pays for courses"', 'coach decisions add --category pricing --tier founding "15 USD/month"', 'coach decisions add --category platform Skool'],
  ).action(act(({ ctx, out, json }, text: string, opts: { category: string; value?: string; because?: string; tier?: PricingTier }) => {
    const category = parseCategory(opts.category);
    if (!text.trim()) throw new UsageError('the decision text cannot be empty');
    if (opts.tier && category !== 'pricing') throw new UsageError(`--tier is for pricing decisions, not ${category}`);
    const profile = requireProfile(ctx);
    const { row, plan } = requireProject(ctx, profile);
    const value = opts.value?.trim() || decisionValueOf(category, text);
    const { decision, superseded, launchMoved } = addDecision(ctx, row.id, plan, {
      category, decision: text.trim(), value, rationale: opts.because?.trim() || null,
      confidence: 'high', sourceMessageId: null, tier: opts.tier ?? defaultTierOf(category, value),
    });
    if (json) return out.json(decisionView(decision));
    out.success(`Recorded ${category} decision #${decision.id}${superseded ? ` (supersedes #${superseded.id}: ${superseded.decision})` : ''}`);
    if (launchMoved) out.info(launchMovedLine(launchMoved));
  }));
}
