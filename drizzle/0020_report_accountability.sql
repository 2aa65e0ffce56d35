ALTER TABLE "explanation_requests" ALTER COLUMN "task_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reminders" ALTER COLUMN "task_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "explanation_requests" ADD COLUMN "template_id" integer;--> statement-breakpoint
ALTER TABLE "explanation_requests" ADD COLUMN "period_key" text;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "template_id" integer;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "period_key" text;--> statement-breakpoint
ALTER TABLE "explanation_requests" ADD CONSTRAINT "explanation_requests_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "explanation_obligation_idx" ON "explanation_requests" USING btree ("template_id","agency_id","period_key") WHERE "explanation_requests"."template_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "explanation_open_obligation_idx" ON "explanation_requests" USING btree ("template_id","agency_id","period_key") WHERE "explanation_requests"."template_id" is not null and "explanation_requests"."state" <> 'accepted';--> statement-breakpoint
CREATE INDEX "reminders_obligation_idx" ON "reminders" USING btree ("template_id","agency_id","period_key") WHERE "reminders"."template_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_obligation_idempotency_idx" ON "reminders" USING btree ("sent_by","idempotency_key","template_id","agency_id","period_key") WHERE "reminders"."template_id" is not null;--> statement-breakpoint
ALTER TABLE "explanation_requests" ADD CONSTRAINT "explanation_one_subject" CHECK (("explanation_requests"."task_id" is not null and "explanation_requests"."template_id" is null and "explanation_requests"."period_key" is null) or ("explanation_requests"."task_id" is null and "explanation_requests"."template_id" is not null and "explanation_requests"."period_key" is not null));--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_one_subject" CHECK (("reminders"."task_id" is not null and "reminders"."template_id" is null and "reminders"."period_key" is null) or ("reminders"."task_id" is null and "reminders"."template_id" is not null and "reminders"."period_key" is not null));