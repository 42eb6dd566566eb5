ALTER TABLE "spend_records" DROP CONSTRAINT "spend_records_customer_id_customers_id_fk";
--> statement-breakpoint
-- What the dropped key still guarded: a customer with spend is never deleted (nor truncated away). The
-- ingestion takes its batch's customers FOR KEY SHARE, so a delete racing a first batch waits for it and
-- then finds the spend (ADR 0011).
CREATE FUNCTION customers_keep_spend() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    IF EXISTS (SELECT 1 FROM spend_records) THEN
      RAISE EXCEPTION 'customers with spend records cannot be truncated' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM spend_records WHERE customer_id = OLD.id) THEN
    RAISE EXCEPTION 'customer % has spend records', OLD.id USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER customers_keep_spend BEFORE DELETE ON customers FOR EACH ROW EXECUTE FUNCTION customers_keep_spend();
--> statement-breakpoint
CREATE TRIGGER customers_keep_spend_truncate BEFORE TRUNCATE ON customers FOR EACH STATEMENT EXECUTE FUNCTION customers_keep_spend();
