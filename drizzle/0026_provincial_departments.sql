ALTER TYPE "public"."agency_kind" ADD VALUE 'department';--> statement-breakpoint
ALTER TYPE "public"."agency_level" ADD VALUE 'department' BEFORE 'commune';