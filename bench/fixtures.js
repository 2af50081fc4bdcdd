// Data homes for the benchmarks, under bench/.data/ (git-ignored): a profile with a started
// project (created by the real CLI), optionally with a long chat history inserted directly.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { BIN, ROOT, coachEnv, freshDir } from './lib.js';

const require = createRequire(import.meta.url);

/** A fresh home with a profile and an active project (offline welcome), like a creator's first day. */
export function projectHome(name, bin = BIN) {
  const home = freshDir(name);
  const run = (args) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, env: coachEnv(home), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`coach ${args.join(' ')} failed: ${r.stderr}`);
  };
  run(['profile', 'set', '--name', 'Jane Cooks', '--niche', 'vegan baking', '--platform', 'instagram:45000:3.2', '--platform', 'youtube:12000', '--income', '800', '--goal', '5000', '--hours', '6']);
  run(['project', 'start', '--offline']);
  return home;
}

const USER = [
  'What should I charge for the founding members?',
  "I've set up the Skool group and written the welcome post. What's next?",
  'How many discovery calls do I really need before I decide on the price?',
  'My audience is mostly on Instagram, does Circle or Skool make more sense for them?',
  'I am worried nobody will join. How do I validate this before building everything?',
];
const COACH = [
  'Start with **t1**: write the one-sentence promise, then check it against your top comments.\n\n- Who it is for\n- The result they get\n- In what time frame\n\nOnce it reads right, move to the survey (t2).',
  'Good progress. Next up is the waitlist page (t6): one headline from your survey answers, three bullets, one button. Aim for 100 sign-ups before you set the final price.',
  'Five to ten calls are enough when the same problem comes back in the same words. Record the phrases people use: they become your sales page headlines.',
  'Skool fits when members follow a path to a result: course, feed, calendar and leaderboard in one app. Circle is better if you need deep branding or many spaces.',
  'Run a pre-sale to your warmest followers: 20–50 founding members at a locked-in price prove the offer before you build the full curriculum.',
];

/** Appends `n` chat messages (alternating user/coach, realistic lengths) to project 1 of `home`. */
export function addHistory(home, n) {
  const Database = require(join(ROOT, 'node_modules', 'better-sqlite3'));
  const db = new Database(join(home, 'coach.db'));
  try {
    const start = Date.now() - n * 60_000;
    const insert = db.prepare(`INSERT INTO project_chat_messages (project_id, role, content, status, model, input_tokens, output_tokens, created_at, updated_at)
      VALUES (1, ?, ?, 'complete', ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const user = i % 2 === 0;
        const text = user ? `${USER[(i / 2) % USER.length | 0]} (#${i})` : COACH[((i - 1) / 2) % COACH.length | 0];
        const at = start + i * 60_000;
        insert.run(user ? 'user' : 'assistant', text, user ? null : 'claude-sonnet-4-6', user ? null : 2400, user ? null : 180, at, at);
      }
    })();
  } finally {
    db.close();
  }
  return home;
}
