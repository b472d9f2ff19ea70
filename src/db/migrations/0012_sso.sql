CREATE TABLE "sso_config" (
	"id" text PRIMARY KEY NOT NULL,
	"issuer" text NOT NULL,
	"client_id" text NOT NULL,
	"client_secret" text NOT NULL,
	"flow_key" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "sso_config_single" CHECK ("sso_config"."id" = 'default')
);
--> statement-breakpoint
CREATE TABLE "sso_domains" (
	"domain" text PRIMARY KEY NOT NULL,
	"partner_id" text,
	"role" text NOT NULL,
	CONSTRAINT "sso_domains_role" CHECK ("sso_domains"."role" in ('operator', 'partner-admin', 'partner-user')),
	CONSTRAINT "sso_domains_role_partner" CHECK (("sso_domains"."role" = 'operator') = ("sso_domains"."partner_id" is null)),
	CONSTRAINT "sso_domains_lower" CHECK ("sso_domains"."domain" = lower("sso_domains"."domain"))
);
--> statement-breakpoint
ALTER TABLE "sso_config" ADD CONSTRAINT "sso_config_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_domains" ADD CONSTRAINT "sso_domains_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;