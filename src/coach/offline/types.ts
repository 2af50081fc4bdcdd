// The offline coach's shared shapes. An intent is data plus two pure functions: how strongly a
// message asks for it, and the answer from the facts. Everything the answer may use is in Facts.
import type { Detection } from '../../detector/types.js';
import type { CustomizedPlan, PlanPhase, PlanTask, PriceBand } from '../../plan/schema.js';
import type { PlanProgress } from '../../plan/progress.js';
import type { Numbers } from './numbers.js';

/** Where the creator reads the answer: instructions name keys in the TUI, commands on the CLI. */
export type Surface = 'tui' | 'cli';

export interface OfflineDecision {
  category: string;
  value: string | null;
  decision: string;
  /** Pricing tier (regular, founding, …); null for other categories. */
  tier?: string | null;
}

export interface OfflineProfile {
  displayName: string;
  niche: string | null;
  platforms: { platform: string; followers: number; avgViews?: number | null; engagementRate?: number | null }[];
  totalAudience: number;
  currentMonthlyIncomeUSD: number | null;
  incomeGoalUSD: number | null;
  hoursPerWeek: number | null;
}

export interface OfflineInput {
  plan: CustomizedPlan;
  done: ReadonlySet<string>;
  profile: OfflineProfile;
  message: string;
  detection: Detection;
  /** What was recorded from this message (high confidence). */
  /** What was recorded from this message (high confidence), and the stated numbers offered to record (new ones only). */
  applied: { decisions: OfflineDecision[]; tasksCompleted: string[]; numbers?: readonly { metric: 'waitlist' | 'members' | 'mrrUSD' | 'churned'; value: number }[] };
  /** Active decisions. */
  decisions: OfflineDecision[];
  /** Number of user messages so far: picks wording variants so replies in a row never repeat. */
  turn: number;
  /** Local calendar day, YYYY-MM-DD. */
  today: string;
  targetLaunchDate: string | null;
  surface: Surface;
  /** The offline coach's previous reply in this chat, if the last reply was its own: advice it
   * just gave is not repeated word for word. */
  previousReply?: string | null;
  /** The latest business numbers the creator checked in, as lines (plan/metrics.ts numbersLines: figures and the plan's checkpoints). */
  recordedNumbers?: readonly string[];
}

/** What every intent can read: the input plus figures derived once. */
export interface Facts extends OfflineInput {
  text: string;
  numbers: Numbers;
  progress: PlanProgress;
  phase: PlanPhase;
  tasks: PlanTask[];
  open: PlanTask[];
  /** Open hours before the doors open (tasks up to the launch task; post-launch work excluded). */
  hoursToLaunch: number;
  hoursPerWeek: number;
  band: PriceBand;
  foundingPrice: number;
  audience: number;
  /** Percent; follower-weighted from the profile, or the personalisation's assumption. */
  engagement: number;
  /** The launch date the creator is working to: the project's target, else today + the plan. */
  launchDate: string;
  /** Picks one of `variants` by turn (and key), so the same intent twice in a row reads differently. */
  vary: <T>(key: string, variants: readonly T[]) => T;
}

export type IntentId =
  | 'greeting' | 'capabilities' | 'pricing' | 'founding' | 'tiers' | 'platform' | 'week' | 'progress'
  | 'pace' | 'conversion' | 'audience' | 'launch-content' | 'retention' | 'offer' | 'cadence'
  | 'stuck' | 'unknown' | (string & {});

export interface Intent {
  id: IntentId;
  /** 0 when the message is not about this; higher wins (ties: earlier in the table). */
  score: (f: Pick<Facts, 'text' | 'numbers' | 'tasks' | 'detection'>) => number;
  /** Answer blocks (paragraphs or `- ` list items), short and specific. */
  answer: (f: Facts) => string[];
}
