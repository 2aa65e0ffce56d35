DROP INDEX "tasks_created_idx";--> statement-breakpoint
CREATE INDEX "tasks_last_update_idx" ON "tasks" USING btree ("last_lead_update_at" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "tasks_created_idx" ON "tasks" USING btree ("created_at" DESC NULLS FIRST,"id");