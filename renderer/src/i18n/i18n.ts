import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import nl from './nl.json';

/** One Dutch message catalog; another language is one more resource file. */
export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: 'nl',
    fallbackLng: 'nl',
    resources: { nl: { translation: nl } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
