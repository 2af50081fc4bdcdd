// ai_usage_logs, write side: one row per API request, created as a reservation and finished once.
// The rules (limit, cap, when a message counts) live in src/limits; this is only the SQL.
import type { Db } from './db.js';
import type { UsageKind } from './schema.js';

type Client = Db['$client'];

export interface NewUsageRow {
  requestKey: string;
  profileId: number;
  projectId: number | null;
  kind: UsageKind;
  model: string;
  status: 'pending' | 'refused';
  counted: boolean;
  /** Owner of a pending row, so recovery can tell a dead process from a live one. */
  pid: number | null;
  /** A pending row's reservation against the cost cap (replaced by the real cost when finished). */
  costMicros?: number | null;
  createdAt: number;
}

export function insertUsageRow(client: Client, r: NewUsageRow): number {
  const info = client
    .prepare(`INSERT INTO ai_usage_logs (request_key, profile_id, project_id, kind, model, status, counted, pid, cost_micros, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(r.requestKey, r.profileId, r.projectId, r.kind, r.model, r.status, r.counted ? 1 : 0, r.pid, r.costMicros ?? null, r.createdAt);
  return Number(info.lastInsertRowid);
}

export function linkUsageMessage(client: Client, usageId: number, messageId: number): void {
  client.prepare('UPDATE ai_usage_logs SET message_id = ? WHERE id = ?').run(messageId, usageId);
}

/**
 * Records the tokens of a request still in flight, so a process killed mid-reply leaves a row
 * recovery can price. Its cost column holds the larger of the reservation and the cost so far (what
 * the cost cap counts for requests in flight). Pending rows stay out of every report until finished.
 */
export function progressUsageRow(client: Client, usageId: number, p: { inputTokens: number; outputTokens: number; cacheCreationTokens: number; cacheReadTokens: number; costMicros: number | null }): void {
  client
    .prepare(`UPDATE ai_usage_logs SET input_tokens = @inputTokens, output_tokens = @outputTokens, cache_creation_tokens = @cacheCreationTokens,
                cache_read_tokens = @cacheReadTokens,
                cost_micros = CASE WHEN @costMicros IS NULL THEN cost_micros ELSE max(coalesce(cost_micros, 0), @costMicros) END
              WHERE id = @usageId AND status = 'pending'`)
    .run({ inputTokens: p.inputTokens, outputTokens: p.outputTokens, cacheCreationTokens: p.cacheCreationTokens, cacheReadTokens: p.cacheReadTokens, costMicros: p.costMicros, usageId });
}

export interface FinishedUsage {
  status: 'ok' | 'interrupted' | 'error';
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheReadTokens: number;
  costMicros: number | null;
  latencyMs: number;
  error: string | null;
  /** False gives the message back (the request never reached the API). */
  counted: boolean;
}

/** Finishes a pending row; a row already finished (or recovered) is left alone. */
export function finishUsageRow(client: Client, usageId: number, f: FinishedUsage): void {
  client
    .prepare(`UPDATE ai_usage_logs SET status = ?, model = ?, input_tokens = ?, output_tokens = ?, cache_creation_tokens = ?,
                cache_read_tokens = ?, cost_micros = ?, latency_ms = ?, error = ?, pid = NULL,
                counted = CASE WHEN ? = 0 THEN 0 ELSE counted END
              WHERE id = ? AND status = 'pending'`)
    .run(f.status, f.model, f.inputTokens, f.outputTokens, f.cacheCreationTokens, f.cacheReadTokens, f.costMicros,
      Math.round(f.latencyMs), f.error, f.counted ? 1 : 0, usageId);
}
