ALTER TABLE "coupons" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "coupons" ADD COLUMN "revoked_by" text;--> statement-breakpoint
ALTER TABLE "coupons" ADD COLUMN "revoke_reason" text;