import type { AppDatabase } from '../../../db/open-database';
import { MONITORING_FORMAT, MONITORING_FORMAT_VERSION, type MonitoringExportInput } from '../../../shared/monitoring/monitoring-schemas';
import { referenceDay, toMonitoringRecord, type MonitoringRecord } from '../../../shared/monitoring/monitoring-record';
import { applyDisclosureControl, QUASI_IDENTIFIERS } from '../../../shared/monitoring/disclosure-control';
import { amsterdamDate } from '../../../shared/calendar/amsterdam-time';
import { recordAudit } from '../audit';
import { getDistrict } from '../district/district-service';
import { ServiceError } from '../service-error';
import { caseKey, keyFingerprint, monitoringKey } from './monitoring-key';
import { readMonitoringFacts } from './monitoring-facts';
import { inTransaction } from '../context/query-results';

export interface MonitoringExport {
  format: typeof MONITORING_FORMAT;
  formatVersion: typeof MONITORING_FORMAT_VERSION;
  district: string;
  keyId: string;
  generatedOn: string;
  selection: { from: string | null; to: string | null };
  disclosureControl: { k: number; quasiIdentifiers: string[]; generalisedRecords: number; suppressedRecords: number };
  recordCount: number;
  records: MonitoringRecord[];
}

/**
 * The pseudonymised per-case export for national comparison (docs/monitoring-export.md). Makes the
 * district key on first use and audits every export, in one transaction.
 */
export async function buildMonitoringExport(db: AppDatabase, input: MonitoringExportInput, actor: string, now: Date): Promise<MonitoringExport> {
  const district = await getDistrict(db);
  if (!district) throw new ServiceError('NOT_FOUND', 'Er is nog geen arrondissement ingericht: er valt niets te exporteren.');
  return await inTransaction(db, async (tx) => {
    const key = await monitoringKey(tx, actor, now);
    // Same connection, so these reads run inside the transaction too.
    const controlled = applyDisclosureControl(
      (await readMonitoringFacts(db))
        .filter(({ facts }) => {
          const day = referenceDay(facts);
          return (!input.from || day >= input.from) && (!input.to || day <= input.to);
        })
        .map(({ parketnummer, facts }) => toMonitoringRecord(caseKey(key, parketnummer), facts)),
      input.k,
    );
    const records = controlled.records;
    const selection = { from: input.from ?? null, to: input.to ?? null };
    const disclosureControl = { k: input.k, quasiIdentifiers: [...QUASI_IDENTIFIERS], generalisedRecords: controlled.generalised, suppressedRecords: controlled.suppressed };
    await recordAudit(tx, {
      actor,
      action: 'monitoring.exported',
      entityType: 'district',
      entityId: district.id,
      details: { ...selection, k: input.k, recordCount: records.length, suppressedRecords: controlled.suppressed },
      occurredAt: now.toISOString(),
    });
    return {
      format: MONITORING_FORMAT,
      formatVersion: MONITORING_FORMAT_VERSION,
      district: district.code,
      keyId: keyFingerprint(key),
      generatedOn: amsterdamDate(now.getTime()),
      selection,
      disclosureControl,
      recordCount: records.length,
      records,
    };
  });
}

export function monitoringFileName(exported: MonitoringExport): string {
  return `ketenplanner-monitoring-${exported.district}-${exported.generatedOn}.json`;
}

/** The export as a file download for the contract operation 'monitoring.export'. */
export async function exportMonitoringFile(db: AppDatabase, input: MonitoringExportInput, actor: string, now: Date) {
  const exported = await buildMonitoringExport(db, input, actor, now);
  const text = `${JSON.stringify(exported, null, 2)}\n`;
  return {
    fileName: monitoringFileName(exported),
    mimeType: 'application/json',
    contentBase64: Buffer.from(text, 'utf8').toString('base64'),
    recordCount: exported.recordCount,
    suppressedRecords: exported.disclosureControl.suppressedRecords,
  };
}
