// Audience platforms (where a creator's followers are) and community platforms (where the paid
// community lives). Pure: personalise.ts uses it for the platform suggestions and to pick the
// launch notes of a task (TemplateTask.platformNotes) for the creator's own platforms.
import type { CommunityPlatform } from './schema.js';

export type Family = 'video' | 'stream' | 'text' | 'professional' | 'patreon' | 'other';

export interface PlatformShare {
  name: string;
  family: Family;
  followers: number;
}

const FAMILIES: [RegExp, Family][] = [
  [/youtube|^yt$|tiktok|instagram|^ig$|insta|facebook|^fb$|snapchat|pinterest|threads/, 'video'],
  [/twitch|kick|discord|gaming|steam/, 'stream'],
  [/newsletter|substack|beehiiv|email|convertkit|^kit$|mailchimp|ghost|medium|blog|podcast|spotify/, 'text'],
  [/linkedin|twitter|^x$|bluesky|mastodon/, 'professional'],
  [/patreon/, 'patreon'],
];

const DISPLAY: Record<string, string> = {
  youtube: 'YouTube', yt: 'YouTube', tiktok: 'TikTok', instagram: 'Instagram', ig: 'Instagram',
  facebook: 'Facebook', twitch: 'Twitch', discord: 'Discord', kick: 'Kick', linkedin: 'LinkedIn',
  x: 'X', twitter: 'X', substack: 'Substack', newsletter: 'Newsletter', patreon: 'Patreon',
  beehiiv: 'beehiiv', threads: 'Threads', pinterest: 'Pinterest', podcast: 'Podcast', bluesky: 'Bluesky',
};

/** "youtube " → { name: 'YouTube', family: 'video' }; unknown names keep their spelling. */
export function audiencePlatform(raw: string): { name: string; family: Family } {
  const key = raw.trim().toLowerCase();
  return { name: DISPLAY[key] ?? raw.trim(), family: FAMILIES.find(([re]) => re.test(key))?.[1] ?? 'other' };
}

/** The platformNotes keys that describe a creator's platform: its own name, then its kind. */
function noteKeys(p: PlatformShare): string[] {
  const key = p.name.toLowerCase();
  const kind = /podcast|spotify/.test(key) ? 'Podcast' : p.family === 'text' ? 'Newsletter' : null;
  return kind && kind !== p.name ? [p.name, kind] : [p.name];
}

/**
 * The notes of a task for the creator's platforms with followers, largest audience first, one
 * per note (a creator on Substack and beehiiv gets the Newsletter note once), at most `max`.
 */
export function notesForPlatforms(notes: Record<string, string> | undefined, platforms: PlatformShare[], max = 2): { platform: string; note: string }[] {
  if (!notes) return [];
  const byKey = new Map(Object.entries(notes).map(([k, v]) => [k.toLowerCase(), { platform: k, note: v }]));
  const picked: { platform: string; note: string }[] = [];
  for (const p of [...platforms].filter((x) => x.followers > 0).sort((a, b) => b.followers - a.followers)) {
    const hit = noteKeys(p).map((k) => byKey.get(k.toLowerCase())).find((x) => x !== undefined);
    if (hit && !picked.some((x) => x.platform === hit.platform)) picked.push(hit);
    if (picked.length >= max) break;
  }
  return picked;
}

// ── community platform suggestions ──────────────────────────────────────────────────────────

type Suggestion = 'Skool' | 'Circle' | 'Discord' | 'Substack' | 'Patreon';

const WEIGHTS: Record<Family, Partial<Record<Suggestion, number>>> = {
  video: { Skool: 1, Circle: 0.8 },
  stream: { Discord: 1, Skool: 0.3 },
  text: { Circle: 1, Substack: 0.8 },
  professional: { Circle: 1, Skool: 0.7 },
  patreon: { Patreon: 1, Discord: 0.8 },
  other: { Skool: 0.6, Circle: 0.6 },
};

/** Why a kind of audience fits a community platform: the part of a reason about where the audience is. */
const FIT: Record<Suggestion, Partial<Record<Family, string>>> = {
  Skool: {
    video: 'viewers already follow your videos step by step, and a Skool classroom turns that into a path with a feed and a calendar next to it',
    stream: 'a Skool classroom gives stream regulars a structured path that a chat server lacks',
    professional: 'a professional audience gets a course path and a calendar in one simple app',
    other: 'a course path, a feed and a calendar in one simple app keep members on the way to the result',
  },
  Circle: {
    video: 'Circle gives viewers a branded home with courses and live events under your own name',
    text: 'readers are used to long posts and email, and Circle is built around long-form posts with email integrations',
    professional: 'a professional audience expects a polished, branded space with your own domain, which Circle gives',
    other: 'a branded home with long-form posts, courses and events keeps the community under your own name',
  },
  Discord: {
    stream: 'stream audiences already spend hours a day in Discord, so member-only channels meet them where they are',
    patreon: 'patrons can keep paying where they pay today and get member roles in a linked Discord',
  },
  Substack: {
    text: 'readers already open your emails, and a paid tier with chat turns them into members without a new app',
  },
  Patreon: {
    patreon: 'your patrons already pay you on Patreon, so a member tier there needs no one to move',
  },
};

/** Used when a template has no communityPlatforms data for a suggestion. */
const FALLBACK: Record<Suggestion, Omit<CommunityPlatform, 'name'>> = {
  Skool: { fees: 'a flat monthly fee', strengths: 'course, feed and calendar in one app, with a discovery page', watchOut: 'little branding' },
  Circle: { fees: 'a monthly plan plus a small transaction fee', strengths: 'a branded home with courses and events', watchOut: 'no marketplace: members come from your audience' },
  Discord: { fees: 'free to run; billing bots take a share of each sale', strengths: 'live chat and voice rooms', watchOut: 'noisy for newcomers and no course area' },
  Substack: { fees: 'a share of paid subscriptions', strengths: 'a paid newsletter with chat', watchOut: 'weak for courses' },
  Patreon: { fees: 'a share of earnings plus processing', strengths: 'fans who already pay creators there', watchOut: 'built for supporting a creator more than for peer help' },
};

const list = (names: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function describe(name: Suggestion, data: CommunityPlatform[]): Omit<CommunityPlatform, 'name'> {
  return data.find((d) => d.name.toLowerCase() === name.toLowerCase()) ?? FALLBACK[name];
}

/**
 * Up to three community platforms ranked by the share of followers on the kinds of platform each
 * fits, each with a reason of its own: where this creator's audience is, what the platform is
 * good at, what it costs and what to watch out for.
 */
export function platformSuggestions(platforms: PlatformShare[], data: CommunityPlatform[]): { platform: string; reason: string }[] {
  const followerSum = platforms.reduce((s, p) => s + p.followers, 0);
  if (followerSum <= 0) {
    // Nothing to say about where the audience is: say what matters when starting from zero.
    const skool = describe('Skool', data);
    const circle = describe('Circle', data);
    return [
      { platform: 'Skool', reason: `With no audience numbers in your profile yet, discovery matters: ${skool.strengths}. Fees: ${skool.fees}.` },
      { platform: 'Circle', reason: `If you would rather build under your own brand: ${circle.strengths}. Fees: ${circle.fees}. Watch out: ${circle.watchOut}.` },
    ];
  }
  // Each suggestion's reason names the audience it fits best: the family with the highest weight
  // for it (then the larger share), e.g. Skool → YouTube followers even when Twitch is bigger.
  const score = new Map<Suggestion, { score: number; family: Family; weight: number; share: number }>();
  const byFamily = new Map<Family, PlatformShare[]>();
  for (const p of platforms) byFamily.set(p.family, [...(byFamily.get(p.family) ?? []), p]);
  for (const [family, members] of byFamily) {
    const share = members.reduce((s, p) => s + p.followers, 0) / followerSum;
    if (share <= 0) continue;
    for (const [name, weight] of Object.entries(WEIGHTS[family]) as [Suggestion, number][]) {
      const s = score.get(name) ?? { score: 0, family, weight: -1, share: -1 };
      s.score += share * weight;
      if (weight > s.weight || (weight === s.weight && share > s.share)) Object.assign(s, { family, weight, share });
      score.set(name, s);
    }
  }
  const ranked = [...score.entries()].filter(([, s]) => s.score > 0).sort((x, y) => y[1].score - x[1].score || x[0].localeCompare(y[0]));
  const best = ranked[0]?.[1].score ?? 0;
  return ranked
    .filter(([, s]) => s.score >= best * 0.25)
    .slice(0, 3)
    .map(([platform, s]) => {
      const on = byFamily.get(s.family)!.filter((p) => p.followers > 0).sort((x, y) => y.followers - x.followers);
      const followers = on.reduce((n, p) => n + p.followers, 0);
      const share = Math.round((followers / followerSum) * 100);
      const info = describe(platform, data);
      const fit = FIT[platform][s.family] ?? FIT[platform].other ?? info.strengths;
      return {
        platform,
        reason: `${share}% of your followers (${int(followers)} of ${int(followerSum)}) are on ${list(on.map((p) => p.name))}: ${fit}. Fees: ${info.fees}. Watch out: ${info.watchOut}.`,
      };
    });
}
