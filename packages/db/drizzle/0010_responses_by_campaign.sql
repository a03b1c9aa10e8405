-- `responses` partitioned by campaign (PARTITION BY LIST (campaign_id)): one partition per
-- campaign, `responses_campaign_<id>`, made by a trigger whenever a campaign row is inserted, so a
-- query that names its campaign reads that partition alone, and closing, exporting or archiving
-- (DETACH PARTITION) a campaign never touches another's. Written by hand: drizzle cannot express
-- partitioning; the snapshot holds the keys drizzle can (see `responses` in schema.ts).
--
-- The table is rebuilt: the old one is renamed, a partitioned one made under the old name, the rows
-- copied with their ids, the id sequence handed over, the old table dropped. Every unique key of
-- a partitioned table must hold the partition key, so the key is (campaign_id, id), the
-- idempotency key is unique per campaign (it starts with the link's slug, one campaign's), and a
-- reference to a response is (campaign_id, response_id).

-- What refers to the old table or hangs on it: references to it, 0009's counting triggers.
ALTER TABLE "self_checks" DROP CONSTRAINT "self_checks_response_id_responses_id_fk";
--> statement-breakpoint
ALTER TABLE "rectifications" DROP CONSTRAINT "rectifications_response_id_responses_id_fk";
--> statement-breakpoint
DROP TRIGGER "responses_counted_on_insert" ON "responses";
--> statement-breakpoint
DROP TRIGGER "responses_counted_on_delete" ON "responses";
--> statement-breakpoint
ALTER TABLE "responses" RENAME TO "responses_unpartitioned";
--> statement-breakpoint
-- Free the index names the new table takes; the copy below reads the whole table anyway.
ALTER TABLE "responses_unpartitioned" DROP CONSTRAINT "responses_idempotency_key_unique";
--> statement-breakpoint
DROP INDEX "responses_unit_source_idx";
--> statement-breakpoint
-- The sequence outlives the old table: ids go on where they were.
ALTER SEQUENCE "responses_id_seq" OWNED BY NONE;
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" bigint DEFAULT nextval('responses_id_seq'::regclass) NOT NULL,
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"source_key" text NOT NULL,
	"form_version_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"score" jsonb NOT NULL,
	"percent" double precision NOT NULL,
	"satisfied" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"veto" boolean DEFAULT false NOT NULL,
	"idempotency_key" text,
	"request_hash" text,
	"draw_seed" text,
	"respondent_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responses_campaign_id_id_pk" PRIMARY KEY("campaign_id","id"),
	CONSTRAINT "responses_campaign_id_idempotency_key_unique" UNIQUE("campaign_id","idempotency_key")
) PARTITION BY LIST ("campaign_id");
--> statement-breakpoint
ALTER SEQUENCE "responses_id_seq" OWNED BY "responses"."id";
--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_unit_id_orgs_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_form_version_id_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."form_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_respondent_id_users_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responses_unit_source_idx" ON "responses" USING btree ("campaign_id","unit_id","source_key");
--> statement-breakpoint
-- A campaign's partition, made once (a campaign's id is never reused). Making it locks
-- `responses` (ACCESS EXCLUSIVE) until the creating transaction commits: campaigns are created
-- in short transactions.
CREATE FUNCTION ys_create_responses_partition(campaign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF responses FOR VALUES IN (%s)',
    'responses_campaign_' || campaign, campaign);
END $$;
--> statement-breakpoint
CREATE FUNCTION ys_campaign_responses_partition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ys_create_responses_partition(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every path that inserts a campaign (routes, seeds, test fixtures) gets its partition.
CREATE TRIGGER campaigns_responses_partition AFTER INSERT ON campaigns
  FOR EACH ROW EXECUTE FUNCTION ys_campaign_responses_partition();
--> statement-breakpoint
SELECT ys_create_responses_partition(id) FROM campaigns ORDER BY id;
--> statement-breakpoint
-- Before the counting triggers exist: 0009 already counted these rows.
INSERT INTO "responses" ("id", "campaign_id", "unit_id", "source_key", "form_version_id",
  "answers", "score", "percent", "satisfied", "answered", "veto", "idempotency_key",
  "request_hash", "draw_seed", "respondent_id", "created_at")
SELECT "id", "campaign_id", "unit_id", "source_key", "form_version_id", "answers", "score",
  "percent", "satisfied", "answered", "veto", "idempotency_key", "request_hash", "draw_seed",
  "respondent_id", "created_at"
FROM "responses_unpartitioned" ORDER BY "id";
--> statement-breakpoint
DROP TABLE "responses_unpartitioned";
--> statement-breakpoint
ALTER TABLE "self_checks" ADD CONSTRAINT "self_checks_response_fk" FOREIGN KEY ("campaign_id","response_id") REFERENCES "public"."responses"("campaign_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_response_fk" FOREIGN KEY ("campaign_id","response_id") REFERENCES "public"."responses"("campaign_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- 0009's statement-level counting triggers, on the partitioned parent: a statement's transition
-- table holds its rows from every partition.
CREATE TRIGGER responses_counted_on_insert AFTER INSERT ON responses
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ys_count_responses();
--> statement-breakpoint
CREATE TRIGGER responses_counted_on_delete AFTER DELETE ON responses
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ys_count_responses();
