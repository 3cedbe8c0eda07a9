-- Project-year running totals (project_year_figures) follow the approved monthly reports in the
-- same transaction as every change to them, whichever code path writes the reports (the API, the
-- spreadsheet import, OC4IDS, seeds, a cascade from a deleted project).

-- Twelve running totals that are 0 before month m and v from m on.
CREATE OR REPLACE FUNCTION pyf_from_month(m integer, v numeric) RETURNS numeric[] AS $$
  SELECT array_agg(CASE WHEN i >= m THEN v ELSE 0 END ORDER BY i) FROM generate_series(1, 12) i
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- Running totals a, with v added from month m on.
CREATE OR REPLACE FUNCTION pyf_add_from_month(a numeric[], m integer, v numeric) RETURNS numeric[] AS $$
  SELECT array_agg(a[i] + CASE WHEN i >= m THEN v ELSE 0 END ORDER BY i) FROM generate_series(1, 12) i
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) one approved report's figures; zero figures touch nothing.
CREATE OR REPLACE FUNCTION project_year_figures_apply(r monthly_reports, sign integer) RETURNS void AS $$
DECLARE
  y integer := substr(r.period, 1, 4)::integer;
  m integer := substr(r.period, 6, 2)::integer;
BEGIN
  IF sign < 0 THEN
    -- The rows exist: the report being taken away was added. An update, never an insert, so a
    -- cascade from a deleted project does not recreate its rows.
    UPDATE project_year_figures f SET totals = pyf_add_from_month(f.totals, m, -v.amount)
    FROM (VALUES ('completed_investment', r.completed_investment), ('funds_out_of_province', r.funds_out_of_province), ('funds_in_province', r.funds_in_province), ('funds_foreign', r.funds_foreign), ('funds_central_budget', r.funds_central_budget), ('funds_special_bonds', r.funds_special_bonds), ('funds_bank_loans', r.funds_bank_loans), ('funds_self_raised', r.funds_self_raised)) v(figure, amount)
    WHERE v.amount <> 0 AND f.figure = v.figure AND f.year = y AND f.project_id = r.project_id;
  ELSE
    INSERT INTO project_year_figures AS f (figure, year, project_id, totals)
    SELECT v.figure, y, r.project_id, pyf_from_month(m, v.amount)
    FROM (VALUES ('completed_investment', r.completed_investment), ('funds_out_of_province', r.funds_out_of_province), ('funds_in_province', r.funds_in_province), ('funds_foreign', r.funds_foreign), ('funds_central_budget', r.funds_central_budget), ('funds_special_bonds', r.funds_special_bonds), ('funds_bank_loans', r.funds_bank_loans), ('funds_self_raised', r.funds_self_raised)) v(figure, amount)
    WHERE v.amount <> 0
    -- excluded.totals[12] is the amount itself.
    ON CONFLICT (figure, year, project_id) DO UPDATE SET totals = pyf_add_from_month(f.totals, m, excluded.totals[12]);
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION monthly_reports_maintain_figures() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'approved' AND NEW.status = 'approved'
     AND NEW.project_id = OLD.project_id AND NEW.period = OLD.period AND NEW.completed_investment = OLD.completed_investment AND NEW.funds_out_of_province = OLD.funds_out_of_province AND NEW.funds_in_province = OLD.funds_in_province AND NEW.funds_foreign = OLD.funds_foreign AND NEW.funds_central_budget = OLD.funds_central_budget AND NEW.funds_special_bonds = OLD.funds_special_bonds AND NEW.funds_bank_loans = OLD.funds_bank_loans AND NEW.funds_self_raised = OLD.funds_self_raised THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status = 'approved' THEN
    PERFORM project_year_figures_apply(OLD, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'approved' THEN
    PERFORM project_year_figures_apply(NEW, 1);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_figures
  AFTER INSERT OR DELETE OR UPDATE OF status, project_id, period, completed_investment, funds_out_of_province, funds_in_province, funds_foreign, funds_central_budget, funds_special_bonds, funds_bank_loans, funds_self_raised
  ON monthly_reports FOR EACH ROW EXECUTE FUNCTION monthly_reports_maintain_figures();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION monthly_reports_truncate_figures() RETURNS trigger AS $$
BEGIN
  TRUNCATE project_year_figures;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_truncate_figures
  AFTER TRUNCATE ON monthly_reports FOR EACH STATEMENT EXECUTE FUNCTION monthly_reports_truncate_figures();
--> statement-breakpoint
-- Recomputes every row from the reports: after a bulk load that bypassed the trigger, and once here.
CREATE OR REPLACE FUNCTION rebuild_project_year_figures() RETURNS void AS $$
BEGIN
  DELETE FROM project_year_figures;
  INSERT INTO project_year_figures (figure, year, project_id, totals)
  WITH monthly AS (
    SELECT v.figure, substr(r.period, 1, 4)::integer AS y, r.project_id, substr(r.period, 6, 2)::integer AS m, v.amount
    FROM monthly_reports r, LATERAL (VALUES ('completed_investment', r.completed_investment), ('funds_out_of_province', r.funds_out_of_province), ('funds_in_province', r.funds_in_province), ('funds_foreign', r.funds_foreign), ('funds_central_budget', r.funds_central_budget), ('funds_special_bonds', r.funds_special_bonds), ('funds_bank_loans', r.funds_bank_loans), ('funds_self_raised', r.funds_self_raised)) v(figure, amount)
    WHERE r.status = 'approved' AND v.amount <> 0
  )
  -- One pass: the running total at month i is the sum of the months up to i.
  SELECT figure, y, project_id, ARRAY[coalesce(sum(amount) FILTER (WHERE m <= 1), 0), coalesce(sum(amount) FILTER (WHERE m <= 2), 0), coalesce(sum(amount) FILTER (WHERE m <= 3), 0), coalesce(sum(amount) FILTER (WHERE m <= 4), 0), coalesce(sum(amount) FILTER (WHERE m <= 5), 0), coalesce(sum(amount) FILTER (WHERE m <= 6), 0), coalesce(sum(amount) FILTER (WHERE m <= 7), 0), coalesce(sum(amount) FILTER (WHERE m <= 8), 0), coalesce(sum(amount) FILTER (WHERE m <= 9), 0), coalesce(sum(amount) FILTER (WHERE m <= 10), 0), coalesce(sum(amount) FILTER (WHERE m <= 11), 0), coalesce(sum(amount) FILTER (WHERE m <= 12), 0)]
  FROM monthly GROUP BY figure, y, project_id;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT rebuild_project_year_figures();
