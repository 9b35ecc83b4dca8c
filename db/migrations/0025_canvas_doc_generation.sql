ALTER TABLE "canvas_docs" ADD COLUMN "generation" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every write of a snapshot counts, whoever makes it (a process of an older release too, during a
-- deploy): a room that trusts its generation must never miss a snapshot written meanwhile.
CREATE FUNCTION "canvas_docs_next_generation"() RETURNS trigger AS $$
BEGIN
  NEW.generation := CASE WHEN TG_OP = 'UPDATE' THEN OLD.generation + 1 ELSE 1 END;
  RETURN NEW;
END $$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER "canvas_docs_generation" BEFORE INSERT OR UPDATE ON "canvas_docs" FOR EACH ROW EXECUTE FUNCTION "canvas_docs_next_generation"();
