CREATE TABLE "project_year_figures" (
	"project_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"completed_investment" numeric(18, 2)[] NOT NULL,
	"funds_out_of_province" numeric(18, 2)[] NOT NULL,
	"funds_in_province" numeric(18, 2)[] NOT NULL,
	"funds_foreign" numeric(18, 2)[] NOT NULL,
	"funds_central_budget" numeric(18, 2)[] NOT NULL,
	"funds_special_bonds" numeric(18, 2)[] NOT NULL,
	"funds_bank_loans" numeric(18, 2)[] NOT NULL,
	"funds_self_raised" numeric(18, 2)[] NOT NULL,
	CONSTRAINT "project_year_figures_project_id_year_pk" PRIMARY KEY("project_id","year"),
	CONSTRAINT "project_year_figures_twelve" CHECK (cardinality("project_year_figures"."completed_investment") = 12)
);
--> statement-breakpoint
ALTER TABLE "project_year_figures" ADD CONSTRAINT "project_year_figures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;