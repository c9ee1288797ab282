import { afterEach, describe, expect, it } from 'vitest';
import type { CourtRoll } from '../../shared/sessions/court-roll-schemas';
import { openTestDistrict, type TestDistrict } from '../support/test-district';
import { SMALL_DEMO } from '../support/demo-database';
import { useTempDir } from '../support/temp-dir';

/** sessions.courtRoll through the api handler, on both engines (the operation suite of issue 13). */
const tempDir = useTempDir();

let district: TestDistrict | undefined;
afterEach(async () => {
  await district?.close();
  district = undefined;
});

describe('sessions.courtRoll through the API handler on a real demo database', () => {
  it('gives the session header and one row per case holding a place, with times counted from the start', async () => {
    const d = (district = await openTestDistrict(tempDir(), SMALL_DEMO));
    const { id } = (await d.row<{ id: number }>(
      `select s.id from court_session s where s.status = 'scheduled' and s.date >= '2026-06-15'
       and (select count(*) from hearing h where h.session_id = s.id and h.status in ('planned','held')) >= 2 order by s.date, s.id limit 1`,
    ))!;
    // One case needs an interpreter (language in the note), one has its own estimate of 45 minutes.
    const hearings = await d.rows<{ caseId: number }>(`select h.case_id as "caseId" from hearing h where h.session_id = ? and h.status in ('planned','held') order by h.id`, [id]);
    await d.run(`delete from case_precondition where case_id = ? and kind = 'interpreter'`, [hearings[1]!.caseId]);
    await d.run(`insert into case_precondition (case_id, kind, status, expected_on, note, updated_at, updated_by) values (?, 'interpreter', 'met', null, 'Pools', '2026-06-15T08:00:00Z', 'test')`, [hearings[1]!.caseId]);
    await d.run('update criminal_case set estimated_minutes = 45 where id = ?', [hearings[0]!.caseId]);

    const handle = d.api({ actor: 'test', today: () => '2026-06-15' });
    const result = await handle('sessions.courtRoll', { sessionId: id });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const roll = result.value as CourtRoll;

    const session = (await d.row<{ date: string; startTime: string; room: string; location: string; judge: string | null; prosecutor: string | null }>(
      `select s.date, s.start_time as "startTime", r.name as "room", l.name as "location", j.name as "judge", p.name as "prosecutor"
       from court_session s join courtroom r on r.id = s.courtroom_id join court_location l on l.id = r.location_id
       left join person j on j.id = s.judge_id left join person p on p.id = s.prosecutor_id where s.id = ?`,
      [id],
    ))!;
    expect(roll.districtName).toBeTruthy();
    expect(roll.session).toMatchObject({ id, date: session.date, startTime: session.startTime, courtroomName: session.room, locationName: session.location, judgeName: session.judge, prosecutorName: session.prosecutor, clerkName: null });
    expect(roll.rows.map((r) => r.caseId)).toEqual(hearings.map((h) => h.caseId));
    expect(roll.rows.map((r) => r.order)).toEqual(hearings.map((_, i) => i + 1));
    // Each row carries its case's version: a bulk move or unplan from the roll sends it as expectedVersion.
    const versions = await Promise.all(hearings.map(async (h) => (await d.row<{ version: number }>('select version from criminal_case where id = ?', [h.caseId]))!.version));
    expect(roll.rows.map((r) => r.caseVersion)).toEqual(versions);
    expect(roll.rows[0]!.time).toBe(session.startTime);
    const [h, m] = session.startTime.split(':').map(Number) as [number, number];
    const second = h * 60 + m + 45;
    expect(roll.rows[1]!.time).toBe(`${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`);
    expect(roll.rows[1]).toMatchObject({ interpreterNeeded: true, interpreterArranged: true, interpreterNote: 'Pools' });

    const facts = (await d.row<{ parketnummer: string; suspect: string; lawyer: string | null; offence: string; modality: string; hearingBy: string | null }>(
      `select c.parketnummer, s.full_name as "suspect", s.lawyer_name as "lawyer", c.offence_summary as "offence", c.modality, c.hearing_by as "hearingBy"
       from criminal_case c join suspect s on s.id = c.suspect_id where c.id = ?`,
      [hearings[0]!.caseId],
    ))!;
    const detained = facts.modality === 'snelrecht' || facts.modality === 'supersnelrecht';
    expect(roll.rows[0]).toMatchObject({
      parketnummer: facts.parketnummer,
      suspectName: facts.suspect,
      lawyerName: facts.lawyer || null,
      offence: facts.offence,
      detained,
      hardLimit: detained ? facts.hearingBy : null,
      minutes: 45,
    });
  });

  it('refuses an unknown session in Dutch', async () => {
    district = await openTestDistrict(tempDir(), SMALL_DEMO);
    const handle = district.api({ actor: 'test', today: () => '2026-06-15' });
    await expect(handle('sessions.courtRoll', { sessionId: 999_999 })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('Zitting 999999 bestaat niet') } });
  });
});
