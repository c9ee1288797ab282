import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkFields } from '../../renderer/src/forms/validate-input';
import { createI18n } from '../../renderer/src/i18n/i18n';

describe('checkFields messages', () => {
  it("name a required field by its label without the required mark ('Vul Naam in.', not 'Vul Naam * in.')", () => {
    const t = createI18n().t;
    const schema = z.object({ name: z.string(), start: z.number() }).strict();
    const { errors } = checkFields(schema, { name: undefined, start: 'x' }, t, { labels: { name: 'Naam *', start: 'Begintijd * (uu:mm)' } });
    expect(errors).toEqual({ name: 'Vul Naam in.', start: 'Begintijd (uu:mm): vul een getal in.' });
  });
});
