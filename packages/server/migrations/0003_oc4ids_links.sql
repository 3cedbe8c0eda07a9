CREATE TABLE "oc4ids_links" (
	"project_id" bigint PRIMARY KEY NOT NULL,
	"oc4ids_id" text NOT NULL,
	"identifiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sector" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unmapped" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" bigint,
	CONSTRAINT "oc4ids_links_oc4ids_id_unique" UNIQUE("oc4ids_id")
);
--> statement-breakpoint
ALTER TABLE "oc4ids_links" ADD CONSTRAINT "oc4ids_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oc4ids_links" ADD CONSTRAINT "oc4ids_links_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;