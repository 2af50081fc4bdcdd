// coach profile show|set|list|use
import { Command, Option } from 'commander';
import { profileView } from '../app/views.js';
import { requireProfile } from '../app/context.js';
import { UsageError } from '../errors.js';
import { findProfile, listProfiles, upsertProfile, type ProfilePatch } from '../store/profiles.js';
import type { PlatformPresence, ProfileRow } from '../store/schema.js';
import { act, examples, jsonOption, parseIntArg, parseMoney } from './shared.js';
import type { Output } from './output.js';

/** "instagram:45000:3.2", "youtube@janecooks:12k", "tiktok:1.2m:6%" */
export function parsePlatform(raw: string): PlatformPresence {
  const parts = raw.split(':');
  if (parts.length < 2 || parts.length > 3) {
    throw new UsageError(`--platform expects NAME:FOLLOWERS[:ENGAGEMENT%], e.g. instagram:45000:3.2, got "${raw}"`);
  }
  const [nameAndHandle, followersRaw, engagementRaw] = parts as [string, string, string | undefined];
  const [name, handle] = nameAndHandle.split('@');
  if (!name || !/^[A-Za-z][A-Za-z0-9 ._-]{0,39}$/.test(name.trim())) throw new UsageError(`--platform: "${nameAndHandle}" is not a platform name`);
  const followers = parseCount(followersRaw);
  if (followers === null) throw new UsageError(`--platform ${name}: followers must be a number like 45000, 45k or 1.2m, got "${followersRaw}"`);
  let engagementRate: number | null = null;
  if (engagementRaw !== undefined && engagementRaw !== '') {
    const e = Number(engagementRaw.replace(/%$/, ''));
    if (!Number.isFinite(e) || e < 0 || e > 100) throw new UsageError(`--platform ${name}: engagement must be a percentage from 0 to 100, got "${engagementRaw}"`);
    engagementRate = e;
  }
  return { platform: name.trim().toLowerCase(), handle: handle?.trim() || null, followers, avgViews: null, engagementRate };
}

function parseCount(raw: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(raw.replace(/,/g, ''));
  if (!m) return null;
  const mult = m[2]!.toLowerCase() === 'k' ? 1e3 : m[2]!.toLowerCase() === 'm' ? 1e6 : 1;
  const n = Math.round(Number(m[1]) * mult);
  return Number.isSafeInteger(n) ? n : null;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function printProfile(out: Output, p: ProfileRow): void {
  const money = (c: number | null) => (c == null ? '—' : `$${(c / 100).toLocaleString('en-US')}`);
  out.line(out.bold(`${p.displayName}`) + out.dim(`  (${p.handle})`));
  out.line(`Niche:           ${p.niche ?? '—'}`);
  out.line(`Audience:        ${p.totalAudience.toLocaleString('en-US')}`);
  for (const pl of p.platforms) {
    out.line(`  ${pl.platform}${pl.handle ? ` @${pl.handle}` : ''}: ${pl.followers.toLocaleString('en-US')} followers${pl.engagementRate != null ? `, ${pl.engagementRate}% engagement` : ''}`);
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
      .option('--platform <name:followers[:engagement%]>', 'a platform you are on (repeatable; replaces that platform)', collect)
      .option('--clear-platforms', 'forget the platforms stored so far')
      .option('--income <usd>', 'current monthly income from your content, USD')
      .option('--goal <usd>', 'monthly income goal, USD')
      .option('--hours <n>', 'hours per week you can give the project')
      .addOption(new Option('--experience <level>', 'experience selling to your audience').choices(['beginner', 'intermediate', 'advanced']))
      .option('--goals <text>', 'what you want from this, in your words')
      .addOption(jsonOption()),
    [
      'coach profile set --name "Jane Cooks" --niche "vegan baking" --platform instagram:45000:3.2 --platform youtube:12k',
      'coach profile set --income 800 --goal 5000 --hours 6 --experience beginner',
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
    if (opts.income !== undefined) patch.currentMonthlyIncomeCents = parseMoney('--income', opts.income);
    if (opts.goal !== undefined) patch.incomeGoalCents = parseMoney('--goal', opts.goal);
    if (opts.hours !== undefined) {
      const h = parseIntArg('--hours', opts.hours, 1);
      if (h > 100) throw new UsageError('--hours is hours per week, at most 100');
      patch.hoursPerWeek = h;
    }
    if (opts.experience !== undefined) patch.experienceLevel = opts.experience;
    if (opts.goals !== undefined) patch.goals = opts.goals.trim() || null;
    const newPlatforms = (opts.platform ?? []).map(parsePlatform);
    const db = ctx.store().db;
    if (newPlatforms.length || opts.clearPlatforms) {
      const existing = opts.clearPlatforms ? [] : (findProfile(db, ctx.profileHandle)?.platforms ?? []);
      const byName = new Map(existing.map((p) => [p.platform, p]));
      for (const p of newPlatforms) byName.set(p.platform, p);
      patch.platforms = [...byName.values()];
    }
    const { profile: saved, created } = upsertProfile(db, ctx.profileHandle, patch, ctx.now());
    if (json) out.json(profileView(saved));
    else {
      out.success(`${created ? 'Created' : 'Updated'} profile "${saved.handle}"`);
      if (created) out.info('Next: `coach project start` to get your personalised plan.');
    }
  }));

  examples(profile.command('list').description('list profiles').addOption(jsonOption()), ['coach profile list', 'coach profile list --json'])
    .action(act(({ ctx, out, json }) => {
      const rows = listProfiles(ctx.store().db);
      const current = ctx.profileHandle;
      if (json) return out.json(rows.map((p) => ({ ...profileView(p), current: p.handle === current })));
      if (!rows.length) return out.info('No profiles yet: create one with `coach profile set --name "Your Name"`.');
      out.line(out.table(['', 'Profile', 'Name', 'Niche', 'Audience'], rows.map((p) => [
        p.handle === current ? '*' : '', p.handle, p.displayName, p.niche ?? '', p.totalAudience.toLocaleString('en-US'),
      ]), { align: ['left', 'left', 'left', 'left', 'right'] }));
    }));

  examples(profile.command('use').argument('<name>', 'profile to use by default').description('make a profile the default'), ['coach profile use work'])
    .action(act(async ({ ctx, out }, name: string) => {
      if (!findProfile(ctx.store().db, name)) {
        throw new UsageError(`no profile "${name}"`, { hint: `create it with \`coach profile set --profile ${name} --name "…"\`` });
      }
      await ctx.settings.set('defaultProfile', name);
      out.success(`Now using profile "${name}"`);
    }));
}
