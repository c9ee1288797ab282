import { describe, expect, it } from 'vitest';
import { importProgressOf, recordImportProgress } from '../../../server/services/cases/import-progress';

describe('the progress of case imports (cases.importProgress)', () => {
  it('keeps the latest count per request id, and its end', () => {
    recordImportProgress('progress-a', 2_000);
    recordImportProgress('progress-a', 4_000);
    expect(importProgressOf('progress-a')).toEqual({ rowsRead: 4_000, finished: false });
    recordImportProgress('progress-a', 4_450, true);
    expect(importProgressOf('progress-a')).toEqual({ rowsRead: 4_450, finished: true });
    expect(importProgressOf('progress-unknown')).toBeNull();
  });

  it('forgets the oldest imports beyond the last hundred', () => {
    for (let i = 0; i < 150; i++) recordImportProgress(`progress-many-${i}`, i, true);
    expect(importProgressOf('progress-many-49')).toBeNull();
    expect(importProgressOf('progress-many-50')).toEqual({ rowsRead: 50, finished: true });
    expect(importProgressOf('progress-many-149')).toEqual({ rowsRead: 149, finished: true });
  });
});
