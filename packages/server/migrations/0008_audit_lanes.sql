-- The audit trail in lanes: one hash chain per prefecture (and one for the province, one for the
-- system), so that writes in different prefectures no longer wait on one lock. Each lane has its
-- own gapless lane_seq and hash chain; seq stays the global order for listing, now drawn from a
-- sequence. The events written before lanes form the closed lane 'legacy' (lane_seq = seq), whose
-- hashes cover the same fields as before.
CREATE SEQUENCE "audit_events_seq_seq" AS bigint OWNED BY "audit_events"."seq";
--> statement-breakpoint
SELECT setval('audit_events_seq_seq', coalesce(max(seq), 0) + 1, false) FROM audit_events;
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "lane" text NOT NULL DEFAULT 'legacy';
--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "lane" DROP DEFAULT;
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "lane_seq" bigint;
--> statement-breakpoint
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
UPDATE audit_events SET lane_seq = seq;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "lane_seq" SET NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_lane_seq_idx" ON "audit_events" USING btree ("lane", "lane_seq");
--> statement-breakpoint
-- Takes a lane's lock, then reads the lane's head and draws n global seqs, in one round trip. A
-- VOLATILE function gives each statement a fresh snapshot: the head read after the lock is granted
-- sees the commit of the transaction that held it.
CREATE OR REPLACE FUNCTION audit_lane_claim(p_lane text, p_lock_key integer, p_count integer)
  RETURNS TABLE (lane_seq bigint, hash text, seqs bigint[]) AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7364001, p_lock_key);
  RETURN QUERY
    SELECT h.lane_seq, h.hash, array(SELECT nextval('audit_events_seq_seq') FROM generate_series(1, p_count))
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (
      SELECT e.lane_seq, e.hash FROM audit_events e WHERE e.lane = p_lane ORDER BY e.lane_seq DESC LIMIT 1
    ) h ON true;
END;
$$ LANGUAGE plpgsql VOLATILE;
