CREATE TABLE "region_stage_totals" (
	"region_code" text NOT NULL,
	"stage" text NOT NULL,
	"projects" integer NOT NULL,
	"total_investment" numeric NOT NULL,
	"agreement_amount" numeric NOT NULL,
	CONSTRAINT "region_stage_totals_region_code_stage_pk" PRIMARY KEY("region_code","stage")
);
--> statement-breakpoint
CREATE TABLE "region_stage_year_figures" (
	"figure" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"stage" text NOT NULL,
	"totals" numeric[] NOT NULL,
	CONSTRAINT "region_stage_year_figures_figure_year_region_code_stage_pk" PRIMARY KEY("figure","year","region_code","stage"),
	CONSTRAINT "region_stage_year_figures_twelve" CHECK (cardinality("region_stage_year_figures"."totals") = 12)
);
--> statement-breakpoint
CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("updated_at" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "projects_total_investment_idx" ON "projects" USING btree ("total_investment" DESC NULLS LAST,"id" DESC NULLS FIRST);--> statement-breakpoint
-- Region-and-stage totals (region_stage_totals, region_stage_year_figures) follow projects, their
-- project-year running totals and their annual plans in the same transaction as every change,
-- whichever code path makes it.

-- Running totals a plus sign × b, element by element.
CREATE OR REPLACE FUNCTION running_totals_add(a numeric[], b numeric[], sign integer) RETURNS numeric[] AS $$
  SELECT array_agg(x + sign * y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY u(x, y, i)
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- Adds sign × one project's own figures to its region and stage.
CREATE OR REPLACE FUNCTION region_stage_totals_add(p projects, sign integer) RETURNS void AS $$
  INSERT INTO region_stage_totals AS t (region_code, stage, projects, total_investment, agreement_amount)
  VALUES (p.region_code, p.stage, sign, sign * p.total_investment, sign * coalesce(p.agreement_amount, 0))
  ON CONFLICT (region_code, stage) DO UPDATE SET projects = t.projects + excluded.projects,
    total_investment = t.total_investment + excluded.total_investment,
    agreement_amount = t.agreement_amount + excluded.agreement_amount;
$$ LANGUAGE sql;
--> statement-breakpoint
-- Adds sign × running totals of one figure and year to a region and stage.
CREATE OR REPLACE FUNCTION region_stage_year_figures_add(in_region text, in_stage text, in_figure text, in_year integer, in_totals numeric[], sign integer) RETURNS void AS $$
  INSERT INTO region_stage_year_figures AS f (figure, year, region_code, stage, totals)
  VALUES (in_figure, in_year, in_region, in_stage, running_totals_add(array_fill(0::numeric, ARRAY[12]), in_totals, sign))
  ON CONFLICT (figure, year, region_code, stage) DO UPDATE SET totals = running_totals_add(f.totals, excluded.totals, 1);
$$ LANGUAGE sql;
--> statement-breakpoint
-- Adds sign × all of one project's running totals and plans to its region and stage.
CREATE OR REPLACE FUNCTION region_stage_year_figures_move(p projects, sign integer) RETURNS void AS $$
  INSERT INTO region_stage_year_figures AS f (figure, year, region_code, stage, totals)
  SELECT c.figure, c.year, p.region_code, p.stage, running_totals_add(array_fill(0::numeric, ARRAY[12]), c.totals, sign)
  FROM (
    SELECT figure, year, totals FROM project_year_figures WHERE project_id = p.id
    UNION ALL
    SELECT 'planned_investment', year, array_fill(amount::numeric, ARRAY[12]) FROM project_annual_plans WHERE project_id = p.id
  ) c
  ON CONFLICT (figure, year, region_code, stage) DO UPDATE SET totals = running_totals_add(f.totals, excluded.totals, 1);
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION projects_maintain_region_stage() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM region_stage_totals_add(NEW, 1);
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN
    -- Before the row goes, while its running totals and plans are still there: the cascades that
    -- then delete them find no project and leave these totals alone.
    PERFORM region_stage_totals_add(OLD, -1);
    PERFORM region_stage_year_figures_move(OLD, -1);
    RETURN OLD;
  END IF;
  PERFORM region_stage_totals_add(OLD, -1);
  PERFORM region_stage_totals_add(NEW, 1);
  IF NEW.region_code IS DISTINCT FROM OLD.region_code OR NEW.stage IS DISTINCT FROM OLD.stage THEN
    PERFORM region_stage_year_figures_move(OLD, -1);
    PERFORM region_stage_year_figures_move(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER projects_region_stage_insert AFTER INSERT ON projects
  FOR EACH ROW EXECUTE FUNCTION projects_maintain_region_stage();
--> statement-breakpoint
CREATE TRIGGER projects_region_stage_update AFTER UPDATE OF region_code, stage, total_investment, agreement_amount ON projects
  FOR EACH ROW WHEN (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.stage IS DISTINCT FROM NEW.stage
    OR OLD.total_investment IS DISTINCT FROM NEW.total_investment OR OLD.agreement_amount IS DISTINCT FROM NEW.agreement_amount)
  EXECUTE FUNCTION projects_maintain_region_stage();
--> statement-breakpoint
CREATE TRIGGER projects_region_stage_delete BEFORE DELETE ON projects
  FOR EACH ROW EXECUTE FUNCTION projects_maintain_region_stage();
--> statement-breakpoint
-- A project-year figure or plan changed: the change, added to the region and stage its project has.
-- FOR SHARE waits for a change of the project's region or stage in progress and keeps one from
-- starting until this commits: that change moves what is committed before it, this adds to where
-- the project is after it. No project: it is being deleted, and its totals were taken away before.
CREATE OR REPLACE FUNCTION region_stage_year_figures_follow(project bigint, in_figure text, in_year integer, in_totals numeric[], sign integer) RETURNS void AS $$
DECLARE
  p record;
BEGIN
  SELECT region_code, stage INTO p FROM projects WHERE id = project FOR SHARE;
  IF FOUND THEN
    PERFORM region_stage_year_figures_add(p.region_code, p.stage, in_figure, in_year, in_totals, sign);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_year_figures_maintain_region_stage() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM region_stage_year_figures_follow(OLD.project_id, OLD.figure, OLD.year, OLD.totals, -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM region_stage_year_figures_follow(NEW.project_id, NEW.figure, NEW.year, NEW.totals, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER project_year_figures_region_stage AFTER INSERT OR UPDATE OR DELETE ON project_year_figures
  FOR EACH ROW EXECUTE FUNCTION project_year_figures_maintain_region_stage();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_annual_plans_maintain_region_stage() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM region_stage_year_figures_follow(OLD.project_id, 'planned_investment', OLD.year, array_fill(OLD.amount::numeric, ARRAY[12]), -1);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM region_stage_year_figures_follow(NEW.project_id, 'planned_investment', NEW.year, array_fill(NEW.amount::numeric, ARRAY[12]), 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER project_annual_plans_region_stage AFTER INSERT OR UPDATE OR DELETE ON project_annual_plans
  FOR EACH ROW EXECUTE FUNCTION project_annual_plans_maintain_region_stage();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION region_stage_truncated() RETURNS trigger AS $$
BEGIN
  IF TG_TABLE_NAME = 'projects' THEN
    DELETE FROM region_stage_totals;
    DELETE FROM region_stage_year_figures;
  ELSIF TG_TABLE_NAME = 'project_annual_plans' THEN
    DELETE FROM region_stage_year_figures WHERE figure = 'planned_investment';
  ELSE
    DELETE FROM region_stage_year_figures WHERE figure <> 'planned_investment';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER projects_truncate_region_stage AFTER TRUNCATE ON projects FOR EACH STATEMENT EXECUTE FUNCTION region_stage_truncated();
--> statement-breakpoint
CREATE TRIGGER project_annual_plans_truncate_region_stage AFTER TRUNCATE ON project_annual_plans FOR EACH STATEMENT EXECUTE FUNCTION region_stage_truncated();
--> statement-breakpoint
CREATE TRIGGER project_year_figures_truncate_region_stage AFTER TRUNCATE ON project_year_figures FOR EACH STATEMENT EXECUTE FUNCTION region_stage_truncated();
--> statement-breakpoint
-- Recomputes both tables from projects, running totals and plans: after a bulk load that bypassed
-- the triggers, and once here.
CREATE OR REPLACE FUNCTION rebuild_region_stage_totals() RETURNS void AS $$
BEGIN
  DELETE FROM region_stage_totals;
  DELETE FROM region_stage_year_figures;
  INSERT INTO region_stage_totals (region_code, stage, projects, total_investment, agreement_amount)
  SELECT region_code, stage, count(*), sum(total_investment), coalesce(sum(agreement_amount), 0) FROM projects GROUP BY region_code, stage;
  INSERT INTO region_stage_year_figures (figure, year, region_code, stage, totals)
  SELECT c.figure, c.year, p.region_code, p.stage, ARRAY[sum(c.totals[1]), sum(c.totals[2]), sum(c.totals[3]), sum(c.totals[4]), sum(c.totals[5]), sum(c.totals[6]), sum(c.totals[7]), sum(c.totals[8]), sum(c.totals[9]), sum(c.totals[10]), sum(c.totals[11]), sum(c.totals[12])]
  FROM (
    SELECT project_id, figure, year, totals FROM project_year_figures
    UNION ALL
    SELECT project_id, 'planned_investment', year, array_fill(amount::numeric, ARRAY[12]) FROM project_annual_plans
  ) c JOIN projects p ON p.id = c.project_id
  GROUP BY c.figure, c.year, p.region_code, p.stage;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT rebuild_region_stage_totals();
--> statement-breakpoint
ANALYZE region_stage_totals;
--> statement-breakpoint
ANALYZE region_stage_year_figures;
