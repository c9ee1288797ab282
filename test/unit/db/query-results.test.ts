import { describe, expect, it } from 'vitest';
import { sqlRows, sqlRun } from '../../../server/services/context/query-results';

/** A PostgreSQL client that records what it was asked (query-results.ts only needs query()). */
function recordingClient() {
  const asked: { text: string; params: unknown[] | undefined }[] = [];
  return {
    asked,
    client: {
      query: async (text: string, params?: unknown[]) => {
        asked.push({ text, params });
        return { rows: [], rowCount: 0 };
      },
    },
  };
}

describe('hand-written SQL on PostgreSQL (sqlRows, sqlRun)', () => {
  it("turns SQLite's ? placeholders into $n, leaving quoted text alone", async () => {
    const { asked, client } = recordingClient();
    await sqlRows(client, `select id as "why?" from criminal_case where status = ? and note = '?' and id = ?`, ['planned', 7]);
    expect(asked).toEqual([{ text: `select id as "why?" from criminal_case where status = $1 and note = '?' and id = $2`, params: ['planned', 7] }]);
  });

  it('binds named parameters (one object) by name, a name used twice once, and leaves @ in quoted text alone', async () => {
    const { asked, client } = recordingClient();
    await sqlRun(client, `select 1 from audit_event where (entity_id = @caseId or entity_id in (select id from hearing where case_id = @caseId)) and actor <> '@x' and id > @after`, [
      { after: 12, caseId: 3, unused: 'x' },
    ]);
    expect(asked).toEqual([
      { text: `select 1 from audit_event where (entity_id = $1 or entity_id in (select id from hearing where case_id = $1)) and actor <> '@x' and id > $2`, params: [3, 12] },
    ]);
  });

  it('takes the PostgreSQL text of an engine pair', async () => {
    const { asked, client } = recordingClient();
    await sqlRows(client, { sqlite: 'select json_extract(details, ?) from audit_event', postgresql: 'select details::json ->> ? from audit_event' }, ['undoOf']);
    expect(asked[0]).toEqual({ text: 'select details::json ->> $1 from audit_event', params: ['undoOf'] });
  });
});
