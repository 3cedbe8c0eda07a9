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
-- Adds (sign 1) or takes away (sign -1) one approved report's figures.
CREATE OR REPLACE FUNCTION project_year_figures_apply(r monthly_reports, sign integer) RETURNS void AS $$
DECLARE
  y integer := substr(r.period, 1, 4)::integer;
  m integer := substr(r.period, 6, 2)::integer;
BEGIN
  IF sign < 0 THEN
    -- The row exists: the report being taken away was added. An update, never an insert, so a
    -- cascade from a deleted project does not recreate its row.
    UPDATE project_year_figures f SET
      completed_investment = pyf_add_from_month(f.completed_investment, m, -r.completed_investment),
      funds_out_of_province = pyf_add_from_month(f.funds_out_of_province, m, -r.funds_out_of_province),
      funds_in_province = pyf_add_from_month(f.funds_in_province, m, -r.funds_in_province),
      funds_foreign = pyf_add_from_month(f.funds_foreign, m, -r.funds_foreign),
      funds_central_budget = pyf_add_from_month(f.funds_central_budget, m, -r.funds_central_budget),
      funds_special_bonds = pyf_add_from_month(f.funds_special_bonds, m, -r.funds_special_bonds),
      funds_bank_loans = pyf_add_from_month(f.funds_bank_loans, m, -r.funds_bank_loans),
      funds_self_raised = pyf_add_from_month(f.funds_self_raised, m, -r.funds_self_raised)
    WHERE f.project_id = r.project_id AND f.year = y;
  ELSE
    INSERT INTO project_year_figures AS f (project_id, year, completed_investment, funds_out_of_province, funds_in_province, funds_foreign, funds_central_budget, funds_special_bonds, funds_bank_loans, funds_self_raised)
    VALUES (r.project_id, y, pyf_from_month(m, r.completed_investment), pyf_from_month(m, r.funds_out_of_province), pyf_from_month(m, r.funds_in_province), pyf_from_month(m, r.funds_foreign), pyf_from_month(m, r.funds_central_budget), pyf_from_month(m, r.funds_special_bonds), pyf_from_month(m, r.funds_bank_loans), pyf_from_month(m, r.funds_self_raised))
    ON CONFLICT (project_id, year) DO UPDATE SET
      completed_investment = pyf_add_from_month(f.completed_investment, m, r.completed_investment),
      funds_out_of_province = pyf_add_from_month(f.funds_out_of_province, m, r.funds_out_of_province),
      funds_in_province = pyf_add_from_month(f.funds_in_province, m, r.funds_in_province),
      funds_foreign = pyf_add_from_month(f.funds_foreign, m, r.funds_foreign),
      funds_central_budget = pyf_add_from_month(f.funds_central_budget, m, r.funds_central_budget),
      funds_special_bonds = pyf_add_from_month(f.funds_special_bonds, m, r.funds_special_bonds),
      funds_bank_loans = pyf_add_from_month(f.funds_bank_loans, m, r.funds_bank_loans),
      funds_self_raised = pyf_add_from_month(f.funds_self_raised, m, r.funds_self_raised);
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
  INSERT INTO project_year_figures (project_id, year, completed_investment, funds_out_of_province, funds_in_province, funds_foreign, funds_central_budget, funds_special_bonds, funds_bank_loans, funds_self_raised)
  WITH monthly AS (
    SELECT project_id, substr(period, 1, 4)::integer AS y, substr(period, 6, 2)::integer AS m, sum(completed_investment) AS completed_investment, sum(funds_out_of_province) AS funds_out_of_province, sum(funds_in_province) AS funds_in_province, sum(funds_foreign) AS funds_foreign, sum(funds_central_budget) AS funds_central_budget, sum(funds_special_bonds) AS funds_special_bonds, sum(funds_bank_loans) AS funds_bank_loans, sum(funds_self_raised) AS funds_self_raised
    FROM monthly_reports WHERE status = 'approved' GROUP BY 1, 2, 3
  ), grid AS (
    SELECT py.project_id, py.y, g.m, coalesce(mo.completed_investment, 0) AS completed_investment, coalesce(mo.funds_out_of_province, 0) AS funds_out_of_province, coalesce(mo.funds_in_province, 0) AS funds_in_province, coalesce(mo.funds_foreign, 0) AS funds_foreign, coalesce(mo.funds_central_budget, 0) AS funds_central_budget, coalesce(mo.funds_special_bonds, 0) AS funds_special_bonds, coalesce(mo.funds_bank_loans, 0) AS funds_bank_loans, coalesce(mo.funds_self_raised, 0) AS funds_self_raised
    FROM (SELECT DISTINCT project_id, y FROM monthly) py
    CROSS JOIN generate_series(1, 12) g(m)
    LEFT JOIN monthly mo ON mo.project_id = py.project_id AND mo.y = py.y AND mo.m = g.m
  ), running AS (
    SELECT project_id, y, m, sum(completed_investment) OVER w AS completed_investment, sum(funds_out_of_province) OVER w AS funds_out_of_province, sum(funds_in_province) OVER w AS funds_in_province, sum(funds_foreign) OVER w AS funds_foreign, sum(funds_central_budget) OVER w AS funds_central_budget, sum(funds_special_bonds) OVER w AS funds_special_bonds, sum(funds_bank_loans) OVER w AS funds_bank_loans, sum(funds_self_raised) OVER w AS funds_self_raised
    FROM grid WINDOW w AS (PARTITION BY project_id, y ORDER BY m)
  )
  SELECT project_id, y, array_agg(completed_investment ORDER BY m), array_agg(funds_out_of_province ORDER BY m), array_agg(funds_in_province ORDER BY m), array_agg(funds_foreign ORDER BY m), array_agg(funds_central_budget ORDER BY m), array_agg(funds_special_bonds ORDER BY m), array_agg(funds_bank_loans ORDER BY m), array_agg(funds_self_raised ORDER BY m)
  FROM running GROUP BY project_id, y;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
SELECT rebuild_project_year_figures();
