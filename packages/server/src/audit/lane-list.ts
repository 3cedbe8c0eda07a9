import { sql } from 'drizzle-orm';

/**
 * `lanes(lane)`: every lane of the audit trail, found by a skip scan over the (lane, lane_seq)
 * index, one probe per lane however long the lanes are. Its last row is a null lane.
 */
export const LANE_LIST = sql`with recursive lanes(lane) as (
  (select lane from audit_events order by lane limit 1)
  union all
  select (select e.lane from audit_events e where e.lane > lanes.lane order by e.lane limit 1) from lanes where lanes.lane is not null
)`;
