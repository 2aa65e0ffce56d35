CREATE TABLE "kpi_figures" (
	"kpi_code" text NOT NULL,
	"agency_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"period_end" date NOT NULL,
	"numerator" double precision NOT NULL,
	"denominator" double precision NOT NULL,
	"value" double precision,
	"level" smallint,
	"submission_id" integer NOT NULL,
	"revision" integer NOT NULL,
	CONSTRAINT "kpi_figures_kpi_code_agency_id_period_key_pk" PRIMARY KEY("kpi_code","agency_id","period_key")
);
--> statement-breakpoint
ALTER TABLE "kpi_figures" ADD CONSTRAINT "kpi_figures_kpi_code_kpis_code_fk" FOREIGN KEY ("kpi_code") REFERENCES "public"."kpis"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_figures" ADD CONSTRAINT "kpi_figures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_figures" ADD CONSTRAINT "kpi_figures_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_figures_kpi_period_idx" ON "kpi_figures" USING btree ("kpi_code","period_end");--> statement-breakpoint
CREATE INDEX "kpi_figures_agency_idx" ON "kpi_figures" USING btree ("agency_id","kpi_code","period_end");--> statement-breakpoint
CREATE INDEX "kpi_figures_submission_idx" ON "kpi_figures" USING btree ("submission_id");--> statement-breakpoint
CREATE INDEX "change_events_type_idx" ON "change_events" USING btree ("type","id");