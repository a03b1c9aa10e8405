CREATE TABLE "form_version_questions" (
	"form_version_id" integer NOT NULL,
	"name" text NOT NULL,
	"categorical" boolean NOT NULL,
	CONSTRAINT "form_version_questions_form_version_id_name_pk" PRIMARY KEY("form_version_id","name")
);
--> statement-breakpoint
CREATE TABLE "unit_answer_totals" (
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"source_key" text NOT NULL,
	"form_version_id" integer NOT NULL,
	"question" text NOT NULL,
	"value" jsonb NOT NULL,
	"n" integer NOT NULL,
	"number_sum" numeric NOT NULL,
	"number_count" integer NOT NULL,
	CONSTRAINT "unit_answer_totals_campaign_id_unit_id_source_key_form_version_id_question_value_pk" PRIMARY KEY("campaign_id","unit_id","source_key","form_version_id","question","value")
);
--> statement-breakpoint
CREATE TABLE "unit_dimension_totals" (
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"source_key" text NOT NULL,
	"form_version_id" integer NOT NULL,
	"dimension" text NOT NULL,
	"n" integer NOT NULL,
	"score_micros" numeric NOT NULL,
	"max_score_micros" numeric NOT NULL,
	CONSTRAINT "unit_dimension_totals_campaign_id_unit_id_source_key_form_version_id_dimension_pk" PRIMARY KEY("campaign_id","unit_id","source_key","form_version_id","dimension")
);
--> statement-breakpoint
CREATE TABLE "unit_source_totals" (
	"campaign_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"source_key" text NOT NULL,
	"form_version_id" integer NOT NULL,
	"n" integer NOT NULL,
	"percent_micros" numeric NOT NULL,
	"satisfied" bigint NOT NULL,
	"answered" bigint NOT NULL,
	"vetoes" integer NOT NULL,
	CONSTRAINT "unit_source_totals_campaign_id_unit_id_source_key_form_version_id_pk" PRIMARY KEY("campaign_id","unit_id","source_key","form_version_id")
);
--> statement-breakpoint
ALTER TABLE "form_version_questions" ADD CONSTRAINT "form_version_questions_form_version_id_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."form_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A value in millionths, rounded half up the way the SDK's `toMicros` does (Math.floor(v * 1e6 + 0.5)):
-- the same two IEEE operations in both, so JavaScript and SQL agree to the last digit.
CREATE FUNCTION ys_micros(v float8) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ select floor(v * 1000000::float8 + 0.5::float8)::numeric $$;
--> statement-breakpoint
-- Adds (INSERT) or subtracts (DELETE) the statement's responses, grouped, to the running
-- aggregates; each touched row is updated once, in key order, so concurrent statements lock in
-- the same order. Both triggers name their transition table `changed_rows`.
CREATE FUNCTION ys_count_responses() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sign int := CASE WHEN TG_OP = 'DELETE' THEN -1 ELSE 1 END;
BEGIN
  INSERT INTO unit_source_totals AS t (campaign_id, unit_id, source_key, form_version_id, n,
    percent_micros, satisfied, answered, vetoes)
  SELECT campaign_id, unit_id, source_key, form_version_id, sign * count(*),
    sign * sum(ys_micros(percent)), sign * sum(satisfied), sign * sum(answered),
    sign * count(*) FILTER (WHERE veto)
  FROM changed_rows
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (campaign_id, unit_id, source_key, form_version_id) DO UPDATE SET
    n = t.n + excluded.n, percent_micros = t.percent_micros + excluded.percent_micros,
    satisfied = t.satisfied + excluded.satisfied, answered = t.answered + excluded.answered,
    vetoes = t.vetoes + excluded.vetoes;

  INSERT INTO unit_dimension_totals AS t (campaign_id, unit_id, source_key, form_version_id,
    dimension, n, score_micros, max_score_micros)
  SELECT r.campaign_id, r.unit_id, r.source_key, r.form_version_id, d.key, sign * count(*),
    sign * sum(ys_micros((d.value->>'score')::float8)),
    sign * sum(ys_micros((d.value->>'maxScore')::float8))
  FROM changed_rows r CROSS JOIN LATERAL jsonb_each(
    CASE WHEN jsonb_typeof(r.score->'dimensions') = 'object' THEN r.score->'dimensions' ELSE '{}' END
  ) d
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (campaign_id, unit_id, source_key, form_version_id, dimension) DO UPDATE SET
    n = t.n + excluded.n, score_micros = t.score_micros + excluded.score_micros,
    max_score_micros = t.max_score_micros + excluded.max_score_micros;

  INSERT INTO unit_answer_totals AS t (campaign_id, unit_id, source_key, form_version_id,
    question, value, n, number_sum, number_count)
  SELECT r.campaign_id, r.unit_id, r.source_key, r.form_version_id, a.key,
    CASE WHEN q.categorical THEN a.value ELSE 'null'::jsonb END, sign * count(*),
    sign * coalesce(sum((a.value #>> '{}')::numeric) FILTER (WHERE jsonb_typeof(a.value) = 'number'), 0),
    sign * count(*) FILTER (WHERE jsonb_typeof(a.value) = 'number')
  FROM changed_rows r CROSS JOIN LATERAL jsonb_each(
    CASE WHEN jsonb_typeof(r.answers) = 'object' THEN r.answers ELSE '{}' END
  ) a
  JOIN form_version_questions q ON q.form_version_id = r.form_version_id AND q.name = a.key
  WHERE a.value NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (campaign_id, unit_id, source_key, form_version_id, question, value) DO UPDATE SET
    n = t.n + excluded.n, number_sum = t.number_sum + excluded.number_sum,
    number_count = t.number_count + excluded.number_count;

  IF sign < 0 THEN
    -- A group whose every response was deleted is no longer a group.
    DELETE FROM unit_source_totals t USING changed_rows r
    WHERE t.n = 0 AND (t.campaign_id, t.unit_id, t.source_key, t.form_version_id)
      = (r.campaign_id, r.unit_id, r.source_key, r.form_version_id);
    DELETE FROM unit_dimension_totals t USING changed_rows r
    WHERE t.n = 0 AND (t.campaign_id, t.unit_id, t.source_key, t.form_version_id)
      = (r.campaign_id, r.unit_id, r.source_key, r.form_version_id);
    DELETE FROM unit_answer_totals t USING changed_rows r
    WHERE t.n = 0 AND (t.campaign_id, t.unit_id, t.source_key, t.form_version_id)
      = (r.campaign_id, r.unit_id, r.source_key, r.form_version_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER responses_counted_on_insert AFTER INSERT ON responses
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ys_count_responses();
--> statement-breakpoint
CREATE TRIGGER responses_counted_on_delete AFTER DELETE ON responses
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ys_count_responses();
--> statement-breakpoint
-- Responses stored before this migration. Their answers are counted once the server has listed
-- each form version's questions (`indexFormQuestions`, at start): that needs the SDK.
INSERT INTO unit_source_totals (campaign_id, unit_id, source_key, form_version_id, n,
  percent_micros, satisfied, answered, vetoes)
SELECT campaign_id, unit_id, source_key, form_version_id, count(*), sum(ys_micros(percent)),
  sum(satisfied), sum(answered), count(*) FILTER (WHERE veto)
FROM responses GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO unit_dimension_totals (campaign_id, unit_id, source_key, form_version_id, dimension,
  n, score_micros, max_score_micros)
SELECT r.campaign_id, r.unit_id, r.source_key, r.form_version_id, d.key, count(*),
  sum(ys_micros((d.value->>'score')::float8)), sum(ys_micros((d.value->>'maxScore')::float8))
FROM responses r CROSS JOIN LATERAL jsonb_each(
  CASE WHEN jsonb_typeof(r.score->'dimensions') = 'object' THEN r.score->'dimensions' ELSE '{}' END
) d
GROUP BY 1, 2, 3, 4, 5;
