DROP INDEX "tasks_lead_deadline_idx";--> statement-breakpoint
DROP INDEX "tasks_created_idx";--> statement-breakpoint
DROP INDEX "tasks_last_update_idx";--> statement-breakpoint
DROP INDEX "tasks_open_deadline_idx";--> statement-breakpoint
DROP INDEX "tasks_lead_open_deadline_idx";--> statement-breakpoint
DROP INDEX "task_coordinators_agency_idx";--> statement-breakpoint
CREATE INDEX "tasks_list_deadline_idx" ON "tasks" USING btree (("completed_on" is not null or "withdrawn"),"deadline","id","lead_agency_id","completed_on","withdrawn","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_lead_list_deadline_idx" ON "tasks" USING btree ("lead_agency_id",("completed_on" is not null or "withdrawn"),"deadline","id","completed_on","withdrawn","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_list_deadline_desc_idx" ON "tasks" USING btree (("completed_on" is not null or "withdrawn"),"deadline" DESC NULLS LAST,"id" DESC NULLS FIRST,"lead_agency_id","completed_on","withdrawn","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_lead_list_deadline_desc_idx" ON "tasks" USING btree ("lead_agency_id",("completed_on" is not null or "withdrawn"),"deadline" DESC NULLS LAST,"id" DESC NULLS FIRST,"completed_on","withdrawn","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_list_created_idx" ON "tasks" USING btree ("created_at","id","lead_agency_id","completed_on","withdrawn","deadline","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_lead_list_created_idx" ON "tasks" USING btree ("lead_agency_id","created_at","id","completed_on","withdrawn","deadline","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_list_title_idx" ON "tasks" USING btree ("title","id","lead_agency_id","completed_on","withdrawn","deadline","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_lead_list_title_idx" ON "tasks" USING btree ("lead_agency_id","title","id","completed_on","withdrawn","deadline","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_list_percent_idx" ON "tasks" USING btree ("latest_percent","id","lead_agency_id","completed_on","withdrawn","deadline","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_lead_list_percent_idx" ON "tasks" USING btree ("lead_agency_id","latest_percent","id","completed_on","withdrawn","deadline","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_list_last_update_idx" ON "tasks" USING btree ("last_lead_update_at" DESC NULLS LAST,"id" DESC NULLS FIRST,"lead_agency_id","completed_on","withdrawn","deadline","group_no","is_key");--> statement-breakpoint
CREATE INDEX "tasks_lead_list_last_update_idx" ON "tasks" USING btree ("lead_agency_id","last_lead_update_at" DESC NULLS LAST,"id" DESC NULLS FIRST,"completed_on","withdrawn","deadline","group_no","is_key");--> statement-breakpoint
CREATE INDEX "task_coordinators_agency_idx" ON "task_coordinators" USING btree ("agency_id","task_id");--> statement-breakpoint
-- A list page walks its index without visiting the table where the visibility map says every row of a
-- page is visible: with the default (a vacuum once 20 % of the tasks changed) a country of progress
-- updates leaves most pages unmarked. 10,000 updates without a vacuum took the whole country's middle
-- page from 12 to 102 ms. Vacuum after 1 % instead, and refresh the statistics after 2 %.
ALTER TABLE "tasks" SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02);
