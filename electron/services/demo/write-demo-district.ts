import type { AppDatabase } from '../../../db/open-database';
import { courtLocations, courtrooms, courtSessions, criminalCases, districts, hearings, suspects, zsmDecisions } from '../../../db/schema';
import { derivedColumns } from '../cases/derived-columns';
import { loadDeadlineContext } from '../settings/district-settings';
import { recordAudit } from '../audit';
import { ServiceError } from '../service-error';
import type { DemoDistrict } from './generate-demo-district';

export const DEMO_ACTOR = 'demo-generator';

export interface DemoWriteSummary {
  districtName: string;
  sessions: number;
  cases: number;
}

/** Writes a generated demo district into an empty database, all or nothing. */
export function writeDemoDistrict(db: AppDatabase, demo: DemoDistrict): DemoWriteSummary {
  const context = loadDeadlineContext(db);
  return db.transaction((tx) => {
    if (tx.select({ id: districts.id }).from(districts).limit(1).get()) {
      throw new ServiceError('CONFLICT', 'Dit databasebestand bevat al een arrondissement; de demo wordt alleen in een lege database geladen.');
    }
    const district = tx.insert(districts).values({ code: demo.district.code, name: demo.district.name }).returning().get();
    recordAudit(tx, { actor: DEMO_ACTOR, action: 'district.created', entityType: 'district', entityId: district.id, details: { demo: demo.options } });

    const roomIds: number[][] = demo.locations.map((location) => {
      const row = tx.insert(courtLocations).values({ districtId: district.id, name: location.name, city: location.city }).returning().get();
      return location.rooms.map((room) => tx.insert(courtrooms).values({ locationId: row.id, name: room }).returning().get().id);
    });

    const sessionIds = demo.sessions.map((session) => {
      const courtroomId = roomIds[session.location]![session.room]!;
      const { location: _location, room: _room, ...fields } = session;
      return tx.insert(courtSessions).values({ ...fields, courtroomId }).returning({ id: courtSessions.id }).get().id;
    });

    for (const demoCase of demo.cases) {
      const suspectId = tx.insert(suspects).values(demoCase.suspect).returning({ id: suspects.id }).get().id;
      const { suspect: _suspect, hearing, zsmDecision, ...fields } = demoCase;
      const derived = derivedColumns({ ...fields, custodyExtendedAt: null, judgmentAt: null, penaltyOrderDeliveredAt: null }, context);
      const caseId = tx.insert(criminalCases).values({ ...fields, ...derived, suspectId }).returning({ id: criminalCases.id }).get().id;
      recordAudit(tx, { actor: DEMO_ACTOR, action: 'case.created', entityType: 'case', entityId: caseId, occurredAt: demoCase.createdAt });
      if (zsmDecision) {
        tx.insert(zsmDecisions).values({ ...zsmDecision, caseId, recordedBy: DEMO_ACTOR }).run();
        recordAudit(tx, {
          actor: DEMO_ACTOR,
          action: 'zsm.decided',
          entityType: 'case',
          entityId: caseId,
          reason: zsmDecision.reason,
          occurredAt: zsmDecision.decidedAt,
          details: { outcome: zsmDecision.outcome, otherRoute: zsmDecision.otherRoute, prosecutorName: zsmDecision.prosecutorName },
        });
      }
      if (hearing) {
        const sessionId = sessionIds[hearing.session]!;
        const hearingId = tx.insert(hearings).values({ caseId, sessionId, status: hearing.status }).returning({ id: hearings.id }).get().id;
        recordAudit(tx, {
          actor: DEMO_ACTOR,
          action: 'hearing.planned',
          entityType: 'hearing',
          entityId: hearingId,
          occurredAt: demoCase.createdAt,
          details: { caseId, sessionId },
        });
      }
    }
    return { districtName: district.name, sessions: sessionIds.length, cases: demo.cases.length };
  });
}
