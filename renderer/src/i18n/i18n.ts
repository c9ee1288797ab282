import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CASE_STATUS_LABELS } from '../../../shared/domain/case-lifecycle';
import nl from '../../../shared/i18n/nl.json';

/**
 * One Dutch message catalog; another language is one more resource file. The case status names are
 * merged in from the domain's one table (the service layer uses them in its messages too).
 */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: 'nl',
    fallbackLng: 'nl',
    resources: { nl: { translation: { ...nl, caseStatus: CASE_STATUS_LABELS } } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
