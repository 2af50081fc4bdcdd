PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_ai_usage_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_key` text NOT NULL,
	`profile_id` integer NOT NULL,
	`project_id` integer,
	`message_id` integer,
	`kind` text NOT NULL,
	`model` text NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cache_creation_tokens` integer DEFAULT 0 NOT NULL,
	`cache_read_tokens` integer DEFAULT 0 NOT NULL,
	`cost_micros` integer,
	`status` text NOT NULL,
	`counted` integer DEFAULT true NOT NULL,
	`latency_ms` integer,
	`error` text,
	`pid` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `creator_profiles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `active_projects`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`message_id`) REFERENCES `project_chat_messages`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "ai_usage_logs_kind_check" CHECK("__new_ai_usage_logs"."kind" IN ('chat','welcome','detect')),
	CONSTRAINT "ai_usage_logs_status_check" CHECK("__new_ai_usage_logs"."status" IN ('ok','interrupted','error','refused','pending')),
	CONSTRAINT "ai_usage_logs_tokens_check" CHECK("__new_ai_usage_logs"."input_tokens" >= 0 AND "__new_ai_usage_logs"."output_tokens" >= 0 AND "__new_ai_usage_logs"."cache_creation_tokens" >= 0 AND "__new_ai_usage_logs"."cache_read_tokens" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_ai_usage_logs`("id", "request_key", "profile_id", "project_id", "message_id", "kind", "model", "input_tokens", "output_tokens", "cache_creation_tokens", "cache_read_tokens", "cost_micros", "status", "counted", "latency_ms", "error", "pid", "created_at") SELECT "id", "request_key", "profile_id", "project_id", "message_id", "kind", "model", "input_tokens", "output_tokens", "cache_creation_tokens", "cache_read_tokens", "cost_micros", "status", "counted", "latency_ms", "error", "pid", "created_at" FROM `ai_usage_logs`;--> statement-breakpoint
DROP TABLE `ai_usage_logs`;--> statement-breakpoint
ALTER TABLE `__new_ai_usage_logs` RENAME TO `ai_usage_logs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `ai_usage_logs_request_key_unique` ON `ai_usage_logs` (`request_key`);--> statement-breakpoint
CREATE INDEX `ai_usage_logs_report_idx` ON `ai_usage_logs` (`created_at`,`profile_id`,`status`,`kind`,`counted`,`model`,`input_tokens`,`output_tokens`,`cache_creation_tokens`,`cache_read_tokens`,`cost_micros`);--> statement-breakpoint
CREATE INDEX `ai_usage_logs_profile_report_idx` ON `ai_usage_logs` (`profile_id`,`created_at`,`status`,`kind`,`counted`,`model`,`input_tokens`,`output_tokens`,`cache_creation_tokens`,`cache_read_tokens`,`cost_micros`);--> statement-breakpoint
CREATE INDEX `ai_usage_logs_pending_idx` ON `ai_usage_logs` (`status`) WHERE status = 'pending';--> statement-breakpoint
DROP INDEX `one_active_decision_per_category`;--> statement-breakpoint
ALTER TABLE `project_decisions` ADD `tier` text;--> statement-breakpoint
UPDATE `project_decisions` SET `tier` = 'regular' WHERE `category` = 'pricing';--> statement-breakpoint
CREATE UNIQUE INDEX `one_active_decision_per_category` ON `project_decisions` (`project_id`,`category`,coalesce(`tier`, '')) WHERE status = 'active';--> statement-breakpoint
ALTER TABLE `active_projects` ADD `metrics` text DEFAULT '[]' NOT NULL;