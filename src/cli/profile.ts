// coach profile show|set|list|use
import { Command, Option } from 'commander';
import { profileView } from '../app/views.js';
import { requireProfile } from '../app/context.js';
import { updateProfile } from '../app/profiles.js';
import { UsageError } from '../errors.js';
import { allProfiles } from '../app/queries.js';
import type { ProfilePatch } from '../store/profiles.js';
import type { PlatformPresence, ProfileRow } from '../store/schema.js';
import { parseHours, parseMonthlyUSD, parsePlatforms, platformLabel } from '../plan/parse.js';
import { FLAG_RANGES, act, checkRange, examples, jsonOption, parsedFlag } from './shared.js';
import type { Output } from './output.js';
import { centsToMicros, formatUSD } from '../usage/money.js';
import { launchMovedLine } from './schedule-view.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

function printProfile(out: Output, p: ProfileRow): void {
  const money = (c: number | null) => (c == null ? '—' : formatUSD(centsToMicros(c), { whole: true }));
  out.line(out.bold(`${p.displayName}`) + out.dim(`  (${p.handle})`));
  out.line(`Niche:           ${p.niche ?? '—'}`);
  out.line(`Audience:        ${p.totalAudience.toLocaleString('en-US')}`);
  for (const pl of p.platforms) {
    out.line(`  ${platformLabel(pl.platform)}${pl.handle ? ` @${pl.handle}` : ''}: ${pl.followers.toLocaleString('en-US')} followers${pl.engagementRate != null ? `, ${pl.engagementRate}% engagement` : ''}`);
  }
  out.line(`Monthly income:  ${money(p.currentMonthlyIncomeCents)}   goal: ${money(p.incomeGoalCents)}`);
  out.line(`Hours per week:  ${p.hoursPerWeek ?? '—'}`);
  out.line(`Experience:      ${p.experienceLevel ?? '—'}`);
  if (p.goals) out.line(`Goals:           ${p.goals}`);
}

export function registerProfile(program: Command): void {
  const profile = program.command('profile').description('your creator profile: audience, income, time');
  examples(profile, ['coach profile set --name "Jane Cooks" --niche "vegan baking" --platform instagram:45000:3.2', 'coach profile show --json', 'coach profile use work']);

  examples(
    profile.command('show').description('show the profile').addOption(jsonOption()),
    ['coach profile show', 'coach profile show --json --profile work'],
  ).action(act(({ ctx, out, json }) => {
    const p = requireProfile(ctx);
    if (json) out.json(profileView(p));
    else printProfile(out, p);
  }));

  examples(
    profile
      .command('set')
      .description('create the profile (named by --profile, default "default") or update it')
      .option('--name <text>', 'display name')
      .option('--niche <text>', 'what you make content about')
      .option('--platform <platforms>', 'platforms you are on: youtube:80k, "instagram 20,000 (4%)" (repeatable; replaces that platform)', collect)
      .option('--clear-platforms', 'forget the platforms stored so far')
      .option('--income <usd>', 'monthly income from your content: 800, 1.5k, "$1,500 a month", none')
      .option('--goal <usd>', 'monthly income goal: 5000, 5k, "$60k a year"')
      .option('--hours <n>', 'hours per week you can give the project: 5, 5-6 (the middle), "1 hour a day"')
      .addOption(new Option('--experience <level>', 'experience selling to your audience').choices(['beginner', 'intermediate', 'advanced']))
      .option('--goals <text>', 'what you want from this, in your words')
      .addOption(jsonOption()),
    [
      'coach profile set --name "Jane Cooks" --niche "vegan baking" --platform instagram:45000:3.2 --platform youtube:12k',
      'coach profile set --income 800 --goal 5k --hours 5-6 --experience beginner',
      'coach profile set --platform "YouTube 80k and Instagram 20,000"',
      'coach profile set --profile work --name "Jane at Work"',
    ],
  ).action(act(({ ctx, out, json }, opts: {
    name?: string; niche?: string; platform?: string[]; clearPlatforms?: boolean; income?: string; goal?: string;
    hours?: string; experience?: ProfilePatch['experienceLevel']; goals?: string;
  }) => {
    // Validate everything before touching the store.
    const patch: ProfilePatch = {};
    if (opts.name !== undefined) {
      if (!opts.name.trim()) throw new UsageError('--name cannot be empty');
      patch.displayName = opts.name.trim();
    }
    if (opts.niche !== undefined) patch.niche = opts.niche.trim() || null;
    // What we understood, said back after saving ("YouTube 80,000 · goal $5,000 a month").
    const understood: string[] = [];
    const newPlatforms: PlatformPresence[] = [];
    for (const raw of opts.platform ?? []) {
      const parsed = parsedFlag('--platform', parsePlatforms(raw));
      for (const pl of parsed.value) checkRange('--platform followers', raw, pl.followers, FLAG_RANGES.followers);
      newPlatforms.push(...parsed.value);
      understood.push(parsed.understood);
    }
    if (opts.income !== undefined) {
      const parsed = parsedFlag('--income', parseMonthlyUSD(opts.income));
      checkRange('--income', opts.income, parsed.value, FLAG_RANGES.monthlyCents, usdPerMonth);
      patch.currentMonthlyIncomeCents = parsed.value;
      understood.push(`income ${parsed.understood}`);
    }
    if (opts.goal !== undefined) {
      const parsed = parsedFlag('--goal', parseMonthlyUSD(opts.goal));
      checkRange('--goal', opts.goal, parsed.value, FLAG_RANGES.monthlyCents, usdPerMonth);
      patch.incomeGoalCents = parsed.value;
      understood.push(`goal ${parsed.understood}`);
    }
    if (opts.hours !== undefined) {
      const parsed = parsedFlag('--hours', parseHours(opts.hours));
      checkRange('--hours (per week)', opts.hours, parsed.value, FLAG_RANGES.hoursPerWeek);
      patch.hoursPerWeek = parsed.value;
      understood.push(parsed.understood);
    }
    if (opts.experience !== undefined) patch.experienceLevel = opts.experience;
    if (opts.goals !== undefined) patch.goals = opts.goals.trim() || null;
    if (opts.clearPlatforms) patch.platforms = [];
    if (newPlatforms.length) patch.platforms = [...(patch.platforms ?? []), ...newPlatforms];
    const { profile: saved, created, replanned } = updateProfile(ctx, patch, { mergePlatforms: !opts.clearPlatforms });
    if (json) out.json(profileView(saved));
    else {
      out.success(`${created ? 'Created' : 'Updated'} profile "${saved.handle}"${understood.length ? `: ${understood.join(' · ')}` : ''}`);
      if (replanned) out.info(replanned.move ? launchMovedLine(replanned.move) : `Open tasks re-planned at ${patch.hoursPerWeek} h/week (launch date kept: ${replanned.row.targetLaunchDate ?? '—'}).`);
      if (created) out.info('Next: `coach project start` to get your personalised plan.');
    }
  }));

  examples(profile.command('list').description('list profiles').addOption(jsonOption()), ['coach profile list', 'coach profile list --json'])
    .action(act(({ ctx, out, json }) => {
      const rows = allProfiles(ctx);
      const current = ctx.profileHandle;
      if (json) return out.json(rows.map((p) => ({ ...profileView(p), current: p.handle === current })));
      if (!rows.length) return out.info('No profiles yet: create one with `coach profile set --name "Your Name"`.');
      out.line(out.table(['', 'Profile', 'Name', 'Niche', 'Audience'], rows.map((p) => [
        p.handle === current ? '*' : '', p.handle, p.displayName, p.niche ?? '', p.totalAudience.toLocaleString('en-US'),
      ]), { align: ['left', 'left', 'left', 'left', 'right'], drop: [undefined, undefined, 2, 1, 3] }));
    }));

  examples(profile.command('use').argument('<name>', 'profile to use by default').description('make a profile the default').addOption(jsonOption()), ['coach profile use work'])
    .action(act(async ({ ctx, out, json }, name: string) => {
      if (!allProfiles(ctx).some((p) => p.handle === name)) {
        throw new UsageError(`no profile "${name}"`, { hint: `create it with \`coach profile set --profile ${name} --name "…"\`` });
      }
      const previous = ctx.settings.get('defaultProfile');
      await ctx.settings.set('defaultProfile', name);
      if (json) return out.json({ defaultProfile: name, previous });
      out.success(`Now using profile "${name}"`);
    }));
}

const usdPerMonth = (cents: number) => `${formatUSD(centsToMicros(cents), { whole: true })} a month`;
