CREATE TABLE "deal_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"client_id" text,
	"client_name" text NOT NULL,
	"domain" text,
	"name_key" text NOT NULL,
	"country" text NOT NULL,
	"currency" text NOT NULL,
	"products" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_mrr" numeric(20, 4) NOT NULL,
	"expected_close_date" date NOT NULL,
	"deal_type" text NOT NULL,
	"notes" text,
	"status" text NOT NULL,
	"rejection_reason" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"protection_ends_on" date NOT NULL,
	"extension_status" text,
	"extension_reason" text,
	"deal_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deal_registrations" ADD CONSTRAINT "deal_registrations_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registrations" ADD CONSTRAINT "deal_registrations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_registrations" ADD CONSTRAINT "deal_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_registrations_partner" ON "deal_registrations" USING btree ("partner_id","status");--> statement-breakpoint
CREATE INDEX "deal_registrations_status" ON "deal_registrations" USING btree ("status","protection_ends_on");--> statement-breakpoint
CREATE INDEX "deal_registrations_domain" ON "deal_registrations" USING btree ("domain");