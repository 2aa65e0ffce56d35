ALTER TABLE "users" ADD COLUMN "language" text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_active_email_idx" ON "users" USING btree (lower("email")) WHERE "users"."active" and "users"."email" is not null;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_language_check" CHECK ("users"."language" in ('vi', 'en'));