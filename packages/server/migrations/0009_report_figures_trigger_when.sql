-- The project-year totals follow approved reports only, yet the row trigger of 0006 fired for
-- every report written, drafts included: an import of 100,000 draft reports queued and ran
-- 100,000 trigger calls that did nothing. With WHEN conditions on the trigger itself, PostgreSQL
-- queues no event at all for a row that neither is nor was approved. The function is unchanged.
DROP TRIGGER monthly_reports_figures ON monthly_reports;
--> statement-breakpoint
CREATE TRIGGER monthly_reports_figures_insert
  AFTER INSERT ON monthly_reports FOR EACH ROW
  WHEN (NEW.status = 'approved')
  EXECUTE FUNCTION monthly_reports_maintain_figures();
--> statement-breakpoint
CREATE TRIGGER monthly_reports_figures_update
  AFTER UPDATE OF status, project_id, period, completed_investment, funds_out_of_province, funds_in_province, funds_foreign, funds_central_budget, funds_special_bonds, funds_bank_loans, funds_self_raised
  ON monthly_reports FOR EACH ROW
  WHEN (OLD.status = 'approved' OR NEW.status = 'approved')
  EXECUTE FUNCTION monthly_reports_maintain_figures();
--> statement-breakpoint
CREATE TRIGGER monthly_reports_figures_delete
  AFTER DELETE ON monthly_reports FOR EACH ROW
  WHEN (OLD.status = 'approved')
  EXECUTE FUNCTION monthly_reports_maintain_figures();
