import { z } from 'zod';
import { isValidLocalDate } from '../calendar/local-date';

/** A calendar date in Europe/Amsterdam, 'YYYY-MM-DD', checked to exist (no 30 February). */
export const localDateSchema = z
  .string()
  .max(10, { message: 'Geen geldige datum (JJJJ-MM-DD)' })
  .refine(isValidLocalDate, { message: 'Geen geldige datum (JJJJ-MM-DD)' });
