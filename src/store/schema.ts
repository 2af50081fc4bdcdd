// The six tables (spec: Store). The one schema file: drizzle-kit generates migrations/ from it.
// Times are integer epoch milliseconds; money is integer micro-dollars (1 USD = 1_000_000).
import type { PlatformPresence } from '../plan/presence.js';
import { sql } from 'drizzle-orm';
import { DECISION_CATEGORIES, PRICING_TIERS } from '../plan/categories.js';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
};

export const creatorProfiles = sqliteTable('creator_profiles', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  handle: text('handle').notNull().unique(),
  displayName: text('display_name').notNull(),
  niche: text('niche'),
  /** JSON array of {platform, handle, followers, avgViews, engagementRate}. */
  platforms: text('platforms', { mode: 'json' }).notNull().$type<PlatformPresence[]>().default(sql`'[]'`),
  totalAudience: integer('total_audience').notNull().default(0),
  currentMonthlyIncomeCents: integer('current_monthly_income_cents'),
  incomeGoalCents: integer('income_goal_cents'),
  hoursPerWeek: integer('hours_per_week'),
  experienceLevel: text('experience_level', { enum: ['beginner', 'intermediate', 'advanced'] }),
  goals: text('goals'),
  ...timestamps,
}, (t) => [
  check('creator_profiles_experience_check', sql`${t.experienceLevel} IS NULL OR ${t.experienceLevel} IN ('beginner','intermediate','advanced')`),
  check('creator_profiles_audience_check', sql`${t.totalAudience} >= 0`),
]);

export type { PlatformPresence };

export const PROJECT_STATUSES = ['active', 'paused', 'completed', 'abandoned'] as const;

export const activeProjects = sqliteTable('active_projects', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  profileId: integer('profile_id').notNull().references(() => creatorProfiles.id, { onDelete: 'cascade' }),
  templateId: text('template_id').notNull(),
  title: text('title').notNull(),
  status: text('status', { enum: PROJECT_STATUSES }).notNull().default('active'),
  /** JSON CustomizedPlan: the template personalised for the profile at creation. */
  customizedPlan: text('customized_plan').notNull(),
  targetLaunchDate: text('target_launch_date'),
  /** JSON array of business-number check-ins (waitlist, members, MRR, churn) over time. */
  metrics: text('metrics').notNull().default('[]'),
  ...timestamps,
}, (t) => [
  check('active_projects_status_check', sql`${t.status} IN ('active','paused','completed','abandoned')`),
  uniqueIndex('one_active_project_per_profile').on(t.profileId).where(sql`status = 'active'`),
  index('active_projects_profile_idx').on(t.profileId, t.updatedAt),
]);

/** `streaming` is the in-flight state: recovery turns an orphaned one into `interrupted`. */
export const MESSAGE_STATUSES = ['complete', 'interrupted', 'error', 'streaming'] as const;

export const projectChatMessages = sqliteTable('project_chat_messages', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id').notNull().references(() => activeProjects.id, { onDelete: 'cascade' }),
  role: text('role', { enum: ['user', 'assistant'] }).notNull(),
  content: text('content').notNull(),
  status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('complete'),
  /** Model name, or `offline-coach` for the local engine. */
  model: text('model'),
  inputTokens: integer('input_tokens'),
  outputTokens: integer('output_tokens'),
  ...timestamps,
}, (t) => [
  check('project_chat_messages_role_check', sql`${t.role} IN ('user','assistant')`),
  check('project_chat_messages_status_check', sql`${t.status} IN ('complete','interrupted','error','streaming')`),
  index('project_chat_messages_project_idx').on(t.projectId, t.id),
  index('project_chat_messages_streaming_idx').on(t.status).where(sql`status = 'streaming'`),
]);

export const projectTaskCompletions = sqliteTable('project_task_completions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id').notNull().references(() => activeProjects.id, { onDelete: 'cascade' }),
  taskId: text('task_id').notNull(),
  done: integer('done', { mode: 'boolean' }).notNull().default(false),
  note: text('note'),
  source: text('source', { enum: ['manual', 'chat'] }).notNull().default('manual'),
  sourceMessageId: integer('source_message_id').references(() => projectChatMessages.id, { onDelete: 'set null' }),
  completedAt: integer('completed_at'),
  ...timestamps,
}, (t) => [
  check('project_task_completions_source_check', sql`${t.source} IN ('manual','chat')`),
  uniqueIndex('project_task_completions_project_task_uq').on(t.projectId, t.taskId),
]);

export const DECISION_STATUSES = ['active', 'superseded'] as const;

/** Pricing decisions name a tier: a founding or annual price stands beside the regular one. */
export { PRICING_TIERS, type PricingTier } from '../plan/categories.js';

export const projectDecisions = sqliteTable('project_decisions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  projectId: integer('project_id').notNull().references(() => activeProjects.id, { onDelete: 'cascade' }),
  category: text('category', { enum: DECISION_CATEGORIES }).notNull(),
  decision: text('decision').notNull(),
  value: text('value'),
  rationale: text('rationale'),
  confidence: text('confidence', { enum: ['high', 'medium', 'low'] }).notNull().default('high'),
  status: text('status', { enum: DECISION_STATUSES }).notNull().default('active'),
  supersededBy: integer('superseded_by').references((): AnySQLiteColumn => projectDecisions.id, { onDelete: 'set null' }),
  sourceMessageId: integer('source_message_id').references(() => projectChatMessages.id, { onDelete: 'set null' }),
  relatedTaskId: text('related_task_id'),
  /** Pricing tier (PRICING_TIERS); NULL for the other categories. */
  tier: text('tier', { enum: PRICING_TIERS }),
  ...timestamps,
}, (t) => [
  check('project_decisions_category_check', sql`${t.category} IN (${sql.raw(DECISION_CATEGORIES.map((c) => `'${c}'`).join(','))})`),
  check('project_decisions_confidence_check', sql`${t.confidence} IN ('high','medium','low')`),
  check('project_decisions_status_check', sql`${t.status} IN ('active','superseded')`),
  // One active decision per category, and for pricing per tier.
  uniqueIndex('one_active_decision_per_category').on(t.projectId, t.category, sql`coalesce(${t.tier}, '')`).where(sql`status = 'active'`),
  index('project_decisions_project_idx').on(t.projectId, t.category, t.id),
]);

export const USAGE_KINDS = ['chat', 'welcome', 'detect'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

/** `pending` is a reservation in flight: recovery turns an orphaned one into `interrupted`. */
export const USAGE_STATUSES = ['ok', 'interrupted', 'error', 'refused', 'pending'] as const;

export const aiUsageLogs = sqliteTable('ai_usage_logs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** One row per API request, keyed by a request id we generate: never counted twice. */
  requestKey: text('request_key').notNull().unique(),
  profileId: integer('profile_id').notNull().references(() => creatorProfiles.id, { onDelete: 'cascade' }),
  projectId: integer('project_id').references(() => activeProjects.id, { onDelete: 'set null' }),
  messageId: integer('message_id').references(() => projectChatMessages.id, { onDelete: 'set null' }),
  /** `detect` is the detector's second reader: a small structured request after a reply. */
  kind: text('kind', { enum: USAGE_KINDS }).notNull(),
  model: text('model').notNull(),
  inputTokens: integer('input_tokens').notNull().default(0),
  outputTokens: integer('output_tokens').notNull().default(0),
  cacheCreationTokens: integer('cache_creation_tokens').notNull().default(0),
  cacheReadTokens: integer('cache_read_tokens').notNull().default(0),
  /** Integer micro-dollars; NULL when the model is not in the pricing table ("unpriced"). */
  costMicros: integer('cost_micros'),
  status: text('status', { enum: USAGE_STATUSES }).notNull(),
  /** 1 while the request uses up one of the day's messages (given back if it never reached the API). */
  counted: integer('counted', { mode: 'boolean' }).notNull().default(true),
  latencyMs: integer('latency_ms'),
  error: text('error'),
  /** Process that owns a pending request, so recovery can tell a dead one from a live one. */
  pid: integer('pid'),
  createdAt: integer('created_at').notNull(),
}, (t) => [
  check('ai_usage_logs_kind_check', sql`${t.kind} IN ('chat','welcome','detect')`),
  check('ai_usage_logs_status_check', sql`${t.status} IN ('ok','interrupted','error','refused','pending')`),
  check('ai_usage_logs_tokens_check', sql`${t.inputTokens} >= 0 AND ${t.outputTokens} >= 0 AND ${t.cacheCreationTokens} >= 0 AND ${t.cacheReadTokens} >= 0`),
  // Covering indexes for the reports, the daily limit and the status bar: every column those
  // aggregates read is in the index, so a day's rows are summed without touching the table.
  index('ai_usage_logs_report_idx').on(t.createdAt, t.profileId, t.status, t.kind, t.counted, t.model, t.inputTokens, t.outputTokens, t.cacheCreationTokens, t.cacheReadTokens, t.costMicros),
  index('ai_usage_logs_profile_report_idx').on(t.profileId, t.createdAt, t.status, t.kind, t.counted, t.model, t.inputTokens, t.outputTokens, t.cacheCreationTokens, t.cacheReadTokens, t.costMicros),
  index('ai_usage_logs_pending_idx').on(t.status).where(sql`status = 'pending'`),
]);

export type ProfileRow = typeof creatorProfiles.$inferSelect;
export type ProjectRow = typeof activeProjects.$inferSelect;
export type MessageRow = typeof projectChatMessages.$inferSelect;
export type TaskCompletionRow = typeof projectTaskCompletions.$inferSelect;
export type DecisionRow = typeof projectDecisions.$inferSelect;
export type UsageRow = typeof aiUsageLogs.$inferSelect;
