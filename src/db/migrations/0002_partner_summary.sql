ALTER TABLE "partner_state" ADD COLUMN "metrics" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_state" ADD COLUMN "insights" jsonb DEFAULT '{}'::jsonb NOT NULL;