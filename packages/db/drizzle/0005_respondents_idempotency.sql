ALTER TABLE "respondent_tokens" ADD COLUMN "draw_seed" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "draw_seed" text;