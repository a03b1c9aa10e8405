CREATE TABLE "link_attempts" (
	"slug" text NOT NULL,
	"respondent_key" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_attempts_slug_respondent_key_pk" PRIMARY KEY("slug","respondent_key")
);
--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "time_limit_minutes" integer;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "progress" text;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "evidence" text;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "reviewed_by" integer;--> statement-breakpoint
ALTER TABLE "rectifications" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "link_attempts" ADD CONSTRAINT "link_attempts_slug_links_slug_fk" FOREIGN KEY ("slug") REFERENCES "public"."links"("slug") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;