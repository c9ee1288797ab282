import { describe, expect, it } from 'vitest';
import { messageKey, parseResponseFile, responseFileSchema, type ParsedMessage } from '../../../shared/cjib/response-format';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const file = (messages: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'cjib.ketenplanner.response', version: 1, messages, ...extra });
const problemsOf = (m: ParsedMessage | undefined) => (m && !m.ok ? m.problems : []);

describe('reading a CJIB response file', () => {
  it('reads the three kinds of message and normalises ids and moments', () => {
    const parsed = parseResponseFile(
      '\uFEFF' +
        file(
          [
            { type: 'ack', correlationId: ID.toUpperCase(), attempt: 1, at: '2026-06-15T12:00:00+02:00' },
            { type: 'return', correlationId: ID, attempt: 2, at: '2026-06-16T10:00:00Z', reasonCode: 'R02', reasonText: '  ' },
            { type: 'execution', correlationId: ID, sanctionId: 12, status: 'fine_paid_in_full', at: '2026-07-01T08:30:00.5Z' },
          ],
          { batchUid: ID },
        ),
    );
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.batchUid).toBe(ID);
    expect(parsed.messages.map((m) => (m.ok ? m.message : m.problems))).toEqual([
      { type: 'ack', correlationId: ID, attempt: 1, at: '2026-06-15T10:00:00.000Z' },
      { type: 'return', correlationId: ID, attempt: 2, at: '2026-06-16T10:00:00.000Z', reasonCode: 'R02', reasonText: null },
      { type: 'execution', correlationId: ID, sanctionId: 12, status: 'fine_paid_in_full', at: '2026-07-01T08:30:00.500Z' },
    ]);
  });

  it.each([
    ['not JSON', '{"format":', /geen geldige JSON/],
    ['an array', '[]', /geen JSON-object/],
    ['our own batch file', JSON.stringify({ format: 'ketenplanner.cjib.batch', version: 1 }), /overdrachtsbestand van Ketenplanner/],
    ['another format', file([{}], { format: 'x' }), /Veld 'format' moet 'cjib.ketenplanner.response' zijn/],
    ['another version', file([{}], { version: 2 }), /Versie 2 .* alleen versie 1/],
    ['no messages field', JSON.stringify({ format: 'cjib.ketenplanner.response', version: 1 }), /Veld 'messages' ontbreekt/],
    ['no messages', file([]), /geen berichten/],
    ['a bad batch id', file([{}], { batchUid: 'batch-1' }), /Veld 'batchUid' moet een UUID zijn/],
  ])('refuses %s as a whole', (_, text, problem) => {
    const parsed = parseResponseFile(text);
    expect(parsed.fileProblems).toEqual([expect.stringMatching(problem)]);
    expect(parsed.messages).toEqual([]);
  });

  it.each<[string, unknown, string[]]>([
    ['not an object', 'ack', ['Bericht 1: is geen object met velden']],
    ['no type', { correlationId: ID }, ["Bericht 1, veld 'type': ontbreekt; moet ack, return of execution zijn"]],
    ['an unknown type', { type: 'nack' }, ["Bericht 1, veld 'type': is 'nack'; moet ack, return of execution zijn"]],
    ['a missing correlation id', { type: 'ack', attempt: 1, at: '2026-06-15T10:00:00Z' }, ["Bericht 1, veld 'correlationId': ontbreekt"]],
    ['a bad correlation id', { type: 'ack', correlationId: '123', attempt: 1, at: '2026-06-15T10:00:00Z' }, ["Bericht 1, veld 'correlationId': moet een UUID zijn (8-4-4-4-12 hexadecimale tekens)"]],
    ['attempt 0', { type: 'ack', correlationId: ID, attempt: 0, at: '2026-06-15T10:00:00Z' }, ["Bericht 1, veld 'attempt': moet het pogingnummer van 1 of meer zijn"]],
    ['attempt as text', { type: 'ack', correlationId: ID, attempt: '1', at: '2026-06-15T10:00:00Z' }, ["Bericht 1, veld 'attempt': moet het pogingnummer (een geheel getal van 1 of meer) zijn"]],
    ['a moment without zone', { type: 'ack', correlationId: ID, attempt: 1, at: '2026-06-15T10:00:00' }, ["Bericht 1, veld 'at': moet een tijdstip met tijdzone, bijvoorbeeld 2026-06-15T10:00:00Z zijn"]],
    ['an unknown reason code', { type: 'return', correlationId: ID, attempt: 1, at: '2026-06-15T10:00:00Z', reasonCode: 'R42' }, [expect.stringMatching(/^Bericht 1, veld 'reasonCode': moet een van de retourcodes R01, .*R99 zijn$/) as unknown as string]],
    ['R99 without text', { type: 'return', correlationId: ID, attempt: 1, at: '2026-06-15T10:00:00Z', reasonCode: 'R99' }, ["Bericht 1, veld 'reasonText': is verplicht bij retourcode R99 (overig)"]],
    ['an unknown status', { type: 'execution', correlationId: ID, sanctionId: 3, status: 'paid', at: '2026-06-15T10:00:00Z' }, [expect.stringMatching(/^Bericht 1, veld 'status': moet een van de executiestatussen fine_paid_in_full/) as unknown as string]],
    ['no sanction id', { type: 'execution', correlationId: ID, status: 'custodial_served', at: '2026-06-15T10:00:00Z' }, ["Bericht 1, veld 'sanctionId': ontbreekt"]],
  ])('names the message and field for %s', (_, message, problems) => {
    const parsed = parseResponseFile(file([message]));
    expect(parsed.fileProblems).toEqual([]);
    expect(problemsOf(parsed.messages[0])).toEqual(problems);
  });

  it('numbers the messages from 1 and reads the good ones next to the bad', () => {
    const parsed = parseResponseFile(file([{ type: 'ack', correlationId: ID, attempt: 1, at: '2026-06-15T10:00:00Z' }, { type: 'ack' }]));
    expect(parsed.messages.map((m) => [m.number, m.ok])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(problemsOf(parsed.messages[1])).toHaveLength(3);
    expect(problemsOf(parsed.messages[1]).every((p) => p.startsWith('Bericht 2, veld '))).toBe(true);
  });

  it('gives equal keys to equal moments written differently, and distinct keys otherwise', () => {
    const keys = parseResponseFile(
      file([
        { type: 'execution', correlationId: ID, sanctionId: 1, status: 'fine_paid_in_full', at: '2026-06-15T12:00:00+02:00' },
        { type: 'execution', correlationId: ID, sanctionId: 1, status: 'fine_paid_in_full', at: '2026-06-15T10:00:00Z' },
        { type: 'ack', correlationId: ID, attempt: 1, at: '2026-06-15T10:00:00Z' },
        { type: 'ack', correlationId: ID, attempt: 1, at: '2026-06-16T10:00:00Z' },
        { type: 'return', correlationId: ID, attempt: 1, at: '2026-06-15T10:00:00Z', reasonCode: 'R01' },
      ]),
    ).messages.map((m) => (m.ok ? messageKey(m.message) : null));
    expect(keys).toEqual([
      `execution:${ID}:1:fine_paid_in_full:2026-06-15T10:00:00.000Z`,
      `execution:${ID}:1:fine_paid_in_full:2026-06-15T10:00:00.000Z`,
      `ack:${ID}:1`,
      `ack:${ID}:1`,
      `return:${ID}:1`,
    ]);
  });

  it('the whole-file schema accepts what the reader accepts', () => {
    const good = { format: 'cjib.ketenplanner.response', version: 1, messages: [{ type: 'ack', correlationId: ID, attempt: 1, at: '2026-06-15T10:00:00Z' }] };
    expect(responseFileSchema.safeParse(good).success).toBe(true);
    expect(responseFileSchema.safeParse({ ...good, version: 2 }).success).toBe(false);
  });
});
