CREATE TABLE "partner_customer_counts" (
	"partner_id" text NOT NULL,
	"status" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "partner_customer_counts_partner_id_status_pk" PRIMARY KEY("partner_id","status")
);
--> statement-breakpoint
CREATE FUNCTION "partner_customer_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One upsert per statement, keys in order (concurrent writers lock counters in the same order);
  -- an update that moves no association between keys writes nothing.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO partner_customer_counts AS k (partner_id, status, n)
    SELECT partner_id, status, count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (partner_id, status) DO UPDATE SET n = k.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO partner_customer_counts AS k (partner_id, status, n)
    SELECT partner_id, status, -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (partner_id, status) DO UPDATE SET n = k.n + excluded.n;
  ELSE
    INSERT INTO partner_customer_counts AS k (partner_id, status, n)
    SELECT partner_id, status, sum(d)
      FROM (SELECT partner_id, status, -1 AS d FROM old_rows
            UNION ALL
            SELECT partner_id, status, 1 FROM new_rows) x
     GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (partner_id, status) DO UPDATE SET n = k.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "partner_customer_counts_insert" AFTER INSERT ON "customer_associations" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "partner_customer_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "partner_customer_counts_update" AFTER UPDATE ON "customer_associations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "partner_customer_counts_apply"();
--> statement-breakpoint
CREATE TRIGGER "partner_customer_counts_delete" AFTER DELETE ON "customer_associations" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "partner_customer_counts_apply"();
--> statement-breakpoint
INSERT INTO "partner_customer_counts" ("partner_id", "status", "n")
SELECT "partner_id", "status", count(*) FROM "customer_associations" GROUP BY 1, 2;
