import type { AppDatabase } from '../../../db/open-database';
import { courtLocations, courtrooms, courtSessions, criminalCases, districts, hearings, persons, sessionTemplates, suspects, zsmDecisions } from '../../../db/schema';
import { DEFAULT_ACCEPTED_MODALITIES, serializeList } from '../../../shared/domain/session';
import { DEMO_JUDGES, DEMO_PROSECUTORS, DEMO_SESSION_PATTERN } from './demo-blueprint';
import { DAYPART_LABELS, SESSION_TYPE_LABELS } from '../../../shared/capacity/capacity-labels';
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

    const personId = new Map<string, number>();
    for (const [names, role] of [[DEMO_JUDGES, 'politierechter'], [DEMO_PROSECUTORS, 'ovj']] as const) {
      for (const name of names) personId.set(name, tx.insert(persons).values({ name, role }).returning({ id: persons.id }).get().id);
    }
    const firstDate = demo.sessions[0]?.date ?? demo.options.asOf;
    const templateIds = DEMO_SESSION_PATTERN.map((pattern, index) => {
      const sample = demo.sessions.find((s) => s.pattern === index);
      return tx
        .insert(sessionTemplates)
        .values({
          courtroomId: roomIds[pattern.location]![pattern.room]!,
          name: `${SESSION_TYPE_LABELS[pattern.sessionType]}, ${DAYPART_LABELS[pattern.daypart]}`,
          weekdays: pattern.weekdays.join(','),
          daypart: pattern.daypart,
          startTime: pattern.startTime,
          endTime: pattern.endTime,
          sessionType: pattern.sessionType,
          capacitySlots: sample?.capacitySlots ?? 1,
          capacityMinutes: sample?.capacityMinutes ?? pattern.minutesPerSlot,
          acceptedModalities: serializeList(DEFAULT_ACCEPTED_MODALITIES[pattern.sessionType]),
          validFrom: firstDate,
        })
        .returning({ id: sessionTemplates.id })
        .get().id;
    });

    const sessionIds = demo.sessions.map((session) => {
      const courtroomId = roomIds[session.location]![session.room]!;
      const { location: _location, room: _room, pattern, judgeName, prosecutorName, ...fields } = session;
      return tx
        .insert(courtSessions)
        .values({
          ...fields,
          courtroomId,
          templateId: templateIds[pattern]!,
          acceptedModalities: serializeList(DEFAULT_ACCEPTED_MODALITIES[session.sessionType]),
          judgeId: judgeName === null ? null : personId.get(judgeName)!,
          prosecutorId: prosecutorName === null ? null : personId.get(prosecutorName)!,
        })
        .returning({ id: courtSessions.id })
        .get().id;
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
