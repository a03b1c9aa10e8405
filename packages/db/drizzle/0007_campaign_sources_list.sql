CREATE TABLE "campaign_source_panel" (
	"campaign_id" integer NOT NULL,
	"source_key" text NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "campaign_source_panel_campaign_id_source_key_user_id_pk" PRIMARY KEY("campaign_id","source_key","user_id")
);
--> statement-breakpoint
ALTER TABLE "campaign_sources" ADD COLUMN "answered_by" text;--> statement-breakpoint
UPDATE "campaign_sources" SET "answered_by" = CASE "key" WHEN 'self' THEN 'selfCheck' WHEN 'superior' THEN 'assessors' ELSE 'members' END;--> statement-breakpoint
ALTER TABLE "campaign_sources" ALTER COLUMN "answered_by" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_sources" ADD COLUMN "label" jsonb;--> statement-breakpoint
ALTER TABLE "campaign_source_panel" ADD CONSTRAINT "campaign_source_panel_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_source_panel" ADD CONSTRAINT "campaign_source_panel_source_fk" FOREIGN KEY ("campaign_id","source_key") REFERENCES "public"."campaign_sources"("campaign_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_source_panel_user_idx" ON "campaign_source_panel" USING btree ("user_id");