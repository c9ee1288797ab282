-- A strafbeschikking is the OM's decision (decisions.recordPenaltyOrder: prosecutors only, docs/roles.md)
-- and, like a judgment the clerk records, it gets its waiting hand-off to CJIB in the same transaction
-- (server/services/outcomes/decision-writes.ts, syncHandoff). Only that insert: sending, answers and
-- rework of the hand-off stay the clerk's.
GRANT INSERT ON cjib_handoff TO kp_prosecutor;
