CREATE TABLE `active_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_id` integer NOT NULL,
	`template_id` text NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`customized_plan` text NOT NULL,
	`target_launch_date` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`profile_id`) REFERENCES `creator_profiles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "active_projects_status_check" CHECK("active_projects"."status" IN ('active','paused','completed','abandoned'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `one_active_project_per_profile` ON `active_projects` (`profile_id`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `active_projects_profile_idx` ON `active_projects` (`profile_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `ai_usage_logs` (
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
	CONSTRAINT "ai_usage_logs_kind_check" CHECK("ai_usage_logs"."kind" IN ('chat','welcome')),
	CONSTRAINT "ai_usage_logs_status_check" CHECK("ai_usage_logs"."status" IN ('ok','interrupted','error','refused','pending')),
	CONSTRAINT "ai_usage_logs_tokens_check" CHECK("ai_usage_logs"."input_tokens" >= 0 AND "ai_usage_logs"."output_tokens" >= 0 AND "ai_usage_logs"."cache_creation_tokens" >= 0 AND "ai_usage_logs"."cache_read_tokens" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ai_usage_logs_request_key_unique` ON `ai_usage_logs` (`request_key`);--> statement-breakpoint
CREATE INDEX `ai_usage_logs_created_idx` ON `ai_usage_logs` (`created_at`);--> statement-breakpoint
CREATE INDEX `ai_usage_logs_profile_created_idx` ON `ai_usage_logs` (`profile_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ai_usage_logs_pending_idx` ON `ai_usage_logs` (`status`) WHERE status = 'pending';--> statement-breakpoint
CREATE TABLE `creator_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`handle` text NOT NULL,
	`display_name` text NOT NULL,
	`niche` text,
	`platforms` text DEFAULT '[]' NOT NULL,
	`total_audience` integer DEFAULT 0 NOT NULL,
	`current_monthly_income_cents` integer,
	`income_goal_cents` integer,
	`hours_per_week` integer,
	`experience_level` text,
	`goals` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "creator_profiles_experience_check" CHECK("creator_profiles"."experience_level" IS NULL OR "creator_profiles"."experience_level" IN ('beginner','intermediate','advanced')),
	CONSTRAINT "creator_profiles_audience_check" CHECK("creator_profiles"."total_audience" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `creator_profiles_handle_unique` ON `creator_profiles` (`handle`);--> statement-breakpoint
CREATE TABLE `project_chat_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`role` text NOT NULL,
	`content` text NOT NULL,
	`status` text DEFAULT 'complete' NOT NULL,
	`model` text,
	`input_tokens` integer,
	`output_tokens` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `active_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "project_chat_messages_role_check" CHECK("project_chat_messages"."role" IN ('user','assistant')),
	CONSTRAINT "project_chat_messages_status_check" CHECK("project_chat_messages"."status" IN ('complete','interrupted','error','streaming'))
);
--> statement-breakpoint
CREATE INDEX `project_chat_messages_project_idx` ON `project_chat_messages` (`project_id`,`id`);--> statement-breakpoint
CREATE INDEX `project_chat_messages_streaming_idx` ON `project_chat_messages` (`status`) WHERE status = 'streaming';--> statement-breakpoint
CREATE TABLE `project_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`category` text NOT NULL,
	`decision` text NOT NULL,
	`value` text,
	`rationale` text,
	`confidence` text DEFAULT 'high' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`superseded_by` integer,
	`source_message_id` integer,
	`related_task_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `active_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`superseded_by`) REFERENCES `project_decisions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_message_id`) REFERENCES `project_chat_messages`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "project_decisions_category_check" CHECK("project_decisions"."category" IN ('pricing','platform','structure','timeline','content')),
	CONSTRAINT "project_decisions_confidence_check" CHECK("project_decisions"."confidence" IN ('high','medium','low')),
	CONSTRAINT "project_decisions_status_check" CHECK("project_decisions"."status" IN ('active','superseded'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `one_active_decision_per_category` ON `project_decisions` (`project_id`,`category`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `project_decisions_project_idx` ON `project_decisions` (`project_id`,`category`,`id`);--> statement-breakpoint
CREATE TABLE `project_task_completions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`task_id` text NOT NULL,
	`done` integer DEFAULT false NOT NULL,
	`note` text,
	`source` text DEFAULT 'manual' NOT NULL,
	`source_message_id` integer,
	`completed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `active_projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_message_id`) REFERENCES `project_chat_messages`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "project_task_completions_source_check" CHECK("project_task_completions"."source" IN ('manual','chat'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `project_task_completions_project_task_uq` ON `project_task_completions` (`project_id`,`task_id`);