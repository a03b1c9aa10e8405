CREATE TABLE "campaign_source_forms" (
	"campaign_id" integer NOT NULL,
	"source_key" text NOT NULL,
	"unit_type" text NOT NULL,
	"form_version_id" integer NOT NULL,
	CONSTRAINT "campaign_source_forms_campaign_id_source_key_unit_type_pk" PRIMARY KEY("campaign_id","source_key","unit_type")
);
--> statement-breakpoint
ALTER TABLE "rectifications" ALTER COLUMN "self_check_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "previous_campaign_id" integer;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "origin" text DEFAULT 'selfCheck' NOT NULL;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "response_id" bigint;--> statement-breakpoint
ALTER TABLE "campaign_source_forms" ADD CONSTRAINT "campaign_source_forms_form_version_id_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."form_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_source_forms" ADD CONSTRAINT "campaign_source_forms_source_fk" FOREIGN KEY ("campaign_id","source_key") REFERENCES "public"."campaign_sources"("campaign_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_previous_campaign_id_campaigns_id_fk" FOREIGN KEY ("previous_campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_previous_unique" ON "campaigns" USING btree ("previous_campaign_id");