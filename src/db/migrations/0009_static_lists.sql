CREATE TABLE "client_list_members" (
	"list_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "client_list_members_list_id_client_id_pk" PRIMARY KEY("list_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "client_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"owner_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_list_members" ADD CONSTRAINT "client_list_members_list_id_client_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."client_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_lists" ADD CONSTRAINT "client_lists_partner_id_partners_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("partner_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_lists" ADD CONSTRAINT "client_lists_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_lists_partner" ON "client_lists" USING btree ("partner_id");