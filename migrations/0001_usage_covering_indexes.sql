DROP INDEX `ai_usage_logs_created_idx`;--> statement-breakpoint
DROP INDEX `ai_usage_logs_profile_created_idx`;--> statement-breakpoint
CREATE INDEX `ai_usage_logs_report_idx` ON `ai_usage_logs` (`created_at`,`profile_id`,`status`,`kind`,`counted`,`model`,`input_tokens`,`output_tokens`,`cache_creation_tokens`,`cache_read_tokens`,`cost_micros`);--> statement-breakpoint
CREATE INDEX `ai_usage_logs_profile_report_idx` ON `ai_usage_logs` (`profile_id`,`created_at`,`status`,`kind`,`counted`,`model`,`input_tokens`,`output_tokens`,`cache_creation_tokens`,`cache_read_tokens`,`cost_micros`);