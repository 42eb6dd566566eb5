-- Phone numbers are stored in E.164 (issue 13). Mainland mobile numbers stored as typed
-- (11 digits, `13712345678`) become `+8613712345678`. A user whose number exists already in E.164
-- on another user keeps it as it is (the unique index would refuse it; an operator decides).
UPDATE "users" AS u SET "phone" = '+86' || u."phone"
  WHERE u."phone" ~ '^1[3-9][0-9]{9}$'
    AND NOT EXISTS (SELECT 1 FROM "users" AS o WHERE o."phone" = '+86' || u."phone");
--> statement-breakpoint
UPDATE "customers" SET "phone" = '+86' || "phone" WHERE "phone" ~ '^1[3-9][0-9]{9}$';
--> statement-breakpoint
UPDATE "budget_recipients" SET "phone" = '+86' || "phone" WHERE "phone" ~ '^1[3-9][0-9]{9}$';
