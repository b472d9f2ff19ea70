CREATE TABLE "certifications" (
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	CONSTRAINT "certifications_partner_id_name_valid_from_pk" PRIMARY KEY("partner_id","name","valid_from")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"currency" text NOT NULL,
	"domain" text,
	"industry" text,
	"employees" integer,
	"contact_tier" text,
	"email_tier" text,
	"account_url" text,
	"crm_url" text
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"deal_id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"type" text NOT NULL,
	"stage" text NOT NULL,
	"created_on" date NOT NULL,
	"closed_on" date,
	"amount" numeric(20, 4) NOT NULL,
	"currency" text NOT NULL,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"name" text
);
--> statement-breakpoint
CREATE TABLE "managements" (
	"partner_id" text NOT NULL,
	"client_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "managements_partner_id_client_id_start_date_pk" PRIMARY KEY("partner_id","client_id","start_date")
);
--> statement-breakpoint
CREATE TABLE "mrr_changes" (
	"change_id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"product" text NOT NULL,
	"date" date NOT NULL,
	"mrr_after" numeric(20, 4) NOT NULL,
	"currency" text NOT NULL,
	"deal_id" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "partner_snapshots" (
	"partner_id" text NOT NULL,
	"month_end" date NOT NULL,
	"sourced" numeric(16, 2) NOT NULL,
	"assisted" numeric(16, 2) NOT NULL,
	"sold" numeric(16, 2) NOT NULL,
	"managed" numeric(16, 2) NOT NULL,
	"total" numeric(16, 2) NOT NULL,
	"certified" boolean NOT NULL,
	"performance" text,
	"credited" text,
	CONSTRAINT "partner_snapshots_partner_id_month_end_pk" PRIMARY KEY("partner_id","month_end")
);
--> statement-breakpoint
CREATE TABLE "partner_state" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"sourced" numeric(16, 2) NOT NULL,
	"assisted" numeric(16, 2) NOT NULL,
	"sold" numeric(16, 2) NOT NULL,
	"managed" numeric(16, 2) NOT NULL,
	"total" numeric(16, 2) NOT NULL,
	"certified" boolean NOT NULL,
	"performance" text,
	"credited" text
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"partner_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"currency" text NOT NULL,
	"website" text
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"partner_id" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount" numeric(20, 4) NOT NULL,
	"currency" text NOT NULL,
	"reference" text NOT NULL,
	CONSTRAINT "payments_partner_id_reference_pk" PRIMARY KEY("partner_id","reference")
);
--> statement-breakpoint
CREATE TABLE "point_losses" (
	"partner_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"change_id" text NOT NULL,
	"client_id" text NOT NULL,
	"product" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"deal_type" text NOT NULL,
	"points" numeric(16, 2) NOT NULL,
	"backing" numeric(20, 4) NOT NULL,
	CONSTRAINT "point_losses_partner_id_entry_id_change_id_pk" PRIMARY KEY("partner_id","entry_id","change_id")
);
--> statement-breakpoint
CREATE TABLE "program_versions" (
	"version" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"document" jsonb NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewals" (
	"client_id" text NOT NULL,
	"product" text NOT NULL,
	"renewal_date" date NOT NULL,
	"status" text NOT NULL,
	"projected_mrr_change" numeric(20, 4),
	"renewal_manager" text,
	"communication_owner" text,
	CONSTRAINT "renewals_client_id_product_renewal_date_pk" PRIMARY KEY("client_id","product","renewal_date")
);
--> statement-breakpoint
CREATE TABLE "sold_entries" (
	"partner_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"client_id" text NOT NULL,
	"product" text NOT NULL,
	"change_id" text NOT NULL,
	"deal_id" text NOT NULL,
	"credited_via" text NOT NULL,
	"deal_type" text NOT NULL,
	"kind" text NOT NULL,
	"delta" numeric(20, 4) NOT NULL,
	"points" numeric(16, 2) NOT NULL,
	"remaining_backing" numeric(20, 4) NOT NULL,
	"remaining_points" numeric(16, 2) NOT NULL,
	"earned_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"origin_date" date NOT NULL,
	"explanation" jsonb NOT NULL,
	CONSTRAINT "sold_entries_partner_id_entry_id_pk" PRIMARY KEY("partner_id","entry_id")
);
--> statement-breakpoint
CREATE TABLE "team_contacts" (
	"partner_id" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"description" text,
	CONSTRAINT "team_contacts_partner_id_email_pk" PRIMARY KEY("partner_id","email")
);
--> statement-breakpoint
CREATE TABLE "tier_history" (
	"partner_id" text NOT NULL,
	"date" date NOT NULL,
	"from_tier" text,
	"to_tier" text,
	"reason" text NOT NULL,
	"performance" text,
	CONSTRAINT "tier_history_partner_id_date_pk" PRIMARY KEY("partner_id","date")
);
--> statement-breakpoint
CREATE TABLE "usage" (
	"client_id" text NOT NULL,
	"month" text NOT NULL,
	"tools_used" integer NOT NULL,
	"engagement_score" integer,
	"products_used" text[] DEFAULT '{}'::text[] NOT NULL,
	"apps_used" text[] DEFAULT '{}'::text[] NOT NULL,
	"last_active_user" text,
	"last_active_on" date,
	CONSTRAINT "usage_client_id_month_pk" PRIMARY KEY("client_id","month")
);
--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "managements" ADD CONSTRAINT "managements_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "managements" ADD CONSTRAINT "managements_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mrr_changes" ADD CONSTRAINT "mrr_changes_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mrr_changes" ADD CONSTRAINT "mrr_changes_deal_id_deals_deal_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("deal_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_contacts" ADD CONSTRAINT "team_contacts_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage" ADD CONSTRAINT "usage_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deals_client" ON "deals" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "deals_partner" ON "deals" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "managements_client" ON "managements" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "mrr_changes_client" ON "mrr_changes" USING btree ("client_id","product","date");--> statement-breakpoint
CREATE INDEX "sold_entries_client" ON "sold_entries" USING btree ("partner_id","client_id");