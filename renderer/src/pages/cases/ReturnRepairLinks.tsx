import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { returnFieldsOf } from '../../../../shared/cjib/return-reasons';
import { caseFieldPath } from './CaseDetailsForm';

/**
 * For a decision CJIB returned: links to the case page with the details form open at each field the
 * return concerns (R01 'Adres onbekend in de BRP' -> Adres voor dagvaarding). Nothing when the return
 * is about the decision itself or names no field.
 */
export function ReturnRepairLinks({ caseId, returnCode, returnReason, parketnummer }: { caseId: number; returnCode: string | null; returnReason: string | null; parketnummer?: string }) {
  const { t } = useTranslation();
  const { caseFields } = returnFieldsOf(returnCode, returnReason);
  if (caseFields.length === 0) return null;
  return (
    <ul className="plain-list" data-testid="return-repair-links">
      {caseFields.map((field) => (
        <li key={field}>
          <Link to={caseFieldPath(caseId, field)} aria-label={parketnummer ? t('caseDetails.repairFor', { field: t(`caseDetails.${field}`), parketnummer }) : undefined}>
            {t('caseDetails.repair', { field: t(`caseDetails.${field}`) })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
