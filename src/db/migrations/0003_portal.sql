CREATE TABLE "preview_optins" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"preview_id" text NOT NULL,
	"scope" text NOT NULL,
	"user_id" uuid,
	"partner_id" text,
	"opted_in_by" uuid,
	"accepted_terms_at" timestamp with time zone NOT NULL,
	CONSTRAINT "preview_optins_scope" CHECK ("preview_optins"."scope" in ('user', 'partner')),
	CONSTRAINT "preview_optins_target" CHECK (("preview_optins"."scope" = 'user' and "preview_optins"."user_id" is not null and "preview_optins"."partner_id" is null)
          or ("preview_optins"."scope" = 'partner' and "preview_optins"."partner_id" is not null and "preview_optins"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "previews" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"terms" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "preview_optins" ADD CONSTRAINT "preview_optins_preview_id_previews_id_fk" FOREIGN KEY ("preview_id") REFERENCES "public"."previews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preview_optins" ADD CONSTRAINT "preview_optins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preview_optins" ADD CONSTRAINT "preview_optins_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preview_optins" ADD CONSTRAINT "preview_optins_opted_in_by_users_id_fk" FOREIGN KEY ("opted_in_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "previews" ADD CONSTRAINT "previews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "preview_optins_user" ON "preview_optins" USING btree ("preview_id","user_id") WHERE "preview_optins"."scope" = 'user';--> statement-breakpoint
CREATE UNIQUE INDEX "preview_optins_partner" ON "preview_optins" USING btree ("preview_id","partner_id") WHERE "preview_optins"."scope" = 'partner';--> statement-breakpoint
CREATE INDEX "preview_optins_user_lookup" ON "preview_optins" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "preview_optins_partner_lookup" ON "preview_optins" USING btree ("partner_id");--> statement-breakpoint
INSERT INTO "previews" ("id", "name", "description", "terms") VALUES ('three-month-projection', 'Three-month projection', 'Your projected points and tier performance at each of the next three month ends if nothing new is sold: sold points expire on schedule, managed points stay at today''s level, and renewals marked for cancellation end on their renewal date.', 'This is a preview feature. The projection is an estimate from your current data, not a commitment by the program; it may change or be withdrawn. Your feedback helps us improve it. You can opt out at any time.') ON CONFLICT DO NOTHING;
