-- One row counting the statements that changed or removed organisations, bumped in the changing
-- transaction (so a reader sees the count and the tree it counts in one snapshot). Processes that
-- keep what they read of the tree for minutes (respondent links' units: `LinkContextCache`)
-- compare it with their once-a-second campaign read and read a link again after an edit made on
-- any process. Statement-level: an import that moves thousands of branches bumps it once.
-- Inserting an organisation changes nothing already read, so it does not count.
CREATE TABLE "org_tree_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "org_tree_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION ys_org_tree_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE org_tree_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "orgs_tree_changed" AFTER UPDATE OR DELETE ON "orgs"
  FOR EACH STATEMENT EXECUTE FUNCTION ys_org_tree_changed();
