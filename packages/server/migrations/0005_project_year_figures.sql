CREATE TABLE "project_year_figures" (
	"figure" text NOT NULL,
	"year" integer NOT NULL,
	"project_id" bigint NOT NULL,
	"totals" numeric[] NOT NULL,
	CONSTRAINT "project_year_figures_figure_year_project_id_pk" PRIMARY KEY("figure","year","project_id"),
	CONSTRAINT "project_year_figures_twelve" CHECK (cardinality("project_year_figures"."totals") = 12)
);
--> statement-breakpoint
ALTER TABLE "project_year_figures" ADD CONSTRAINT "project_year_figures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_year_figures_project_idx" ON "project_year_figures" USING btree ("project_id");