ALTER TABLE "certifications" DROP CONSTRAINT "certifications_partner_id_partners_partner_id_fk";
--> statement-breakpoint
ALTER TABLE "deals" DROP CONSTRAINT "deals_partner_id_partners_partner_id_fk";
--> statement-breakpoint
ALTER TABLE "deals" DROP CONSTRAINT "deals_client_id_clients_client_id_fk";
--> statement-breakpoint
ALTER TABLE "managements" DROP CONSTRAINT "managements_partner_id_partners_partner_id_fk";
--> statement-breakpoint
ALTER TABLE "managements" DROP CONSTRAINT "managements_client_id_clients_client_id_fk";
--> statement-breakpoint
ALTER TABLE "mrr_changes" DROP CONSTRAINT "mrr_changes_client_id_clients_client_id_fk";
--> statement-breakpoint
ALTER TABLE "mrr_changes" DROP CONSTRAINT "mrr_changes_deal_id_deals_deal_id_fk";
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_partner_id_partners_partner_id_fk";
--> statement-breakpoint
ALTER TABLE "renewals" DROP CONSTRAINT "renewals_client_id_clients_client_id_fk";
--> statement-breakpoint
ALTER TABLE "team_contacts" DROP CONSTRAINT "team_contacts_partner_id_partners_partner_id_fk";
--> statement-breakpoint
ALTER TABLE "usage" DROP CONSTRAINT "usage_client_id_clients_client_id_fk";
