import { z } from 'zod';
import { HEARD_MODALITIES } from '../domain/modality';

/**
 * District settings of the deadline engine. Each is a rule that could not be read in the statute's
 * own text (LEGAL-RULES.md "verify") or a policy norm; the defaults are documented in
 * docs/legal-deadlines.md. Statutory terms that are certain are constants in the rule files.
 */
export const deadlineSettingsSchema = z
  .object({
    /** art. 265 lid 1 Sv: at least this many days between service of the summons and the hearing. */
    summonsTermDays: z.number().int().min(1).max(90).default(10),
    /** art. 370 Sv (verify): the shorter summons term before the politierechter. */
    politierechterSummonsTermDays: z.number().int().min(1).max(90).default(3),
    /** Modalities heard by the politierechter (or the RC acting as one), so the shorter term applies. */
    politierechterModalities: z.array(z.enum(HEARD_MODALITIES)).max(HEARD_MODALITIES.length).default([...HEARD_MODALITIES]),
    /** Extend the summons term by Atw art. 1 and 2 (gives a later earliest hearing: the safe reading). */
    applyAtwToSummonsTerm: z.boolean().default(true),
    /** art. 67a lid 2 onder 4 Sv (verify the hours): a detained snelrecht case is tried within this time of arrest. */
    snelrechtMaxAfterArrest: z
      .object({ days: z.number().int().min(0).max(30), hours: z.number().int().min(0).max(23) })
      .strict()
      .default({ days: 17, hours: 0 }),
    /** Action plan rule of thumb: supersnelrecht within this many hours of arrest (soft); null switches it off. */
    supersnelrechtTargetHours: z.number().int().min(1).max(240).nullable().default(72),
    /** Action plan: non-detained snelrecht is heard 2 to 4 weeks after the summons decision (soft). */
    snelrechtNdTargetMinDays: z.number().int().min(0).max(180).default(14),
    snelrechtNdTargetMaxDays: z.number().int().min(1).max(180).default(28),
    /** Wet USB practice: the court hands the signed judgment to the OM within this many days. */
    judgmentToOmDays: z.number().int().min(1).max(90).default(14),
    /** Wet USB practice: the OM hands an enforceable decision to the CJIB within this many days. */
    toCjibDays: z.number().int().min(1).max(90).default(14),
  })
  .refine((settings) => settings.snelrechtNdTargetMinDays <= settings.snelrechtNdTargetMaxDays, {
    message: 'Begin van de streefperiode ligt na het einde',
    path: ['snelrechtNdTargetMinDays'],
  });

export type DeadlineSettings = z.infer<typeof deadlineSettingsSchema>;

export const DEFAULT_DEADLINE_SETTINGS: Readonly<DeadlineSettings> = Object.freeze(deadlineSettingsSchema.parse({}));

/**
 * The settings objects resolved before, by identity: the deadline engine resolves its settings on every
 * call, and an import computes the deadlines of every row with the one settings object of the district.
 */
const resolvedSettings = new WeakMap<object, { keys: string; resolved: DeadlineSettings }>();

/** Settings with the defaults filled in; throws a RangeError naming the setting when one is invalid. */
export function resolveDeadlineSettings(partial?: Partial<DeadlineSettings>): DeadlineSettings {
  if (partial === undefined) return DEFAULT_DEADLINE_SETTINGS;
  const known = resolvedSettings.get(partial);
  // A frozen object cannot have changed since; a mutable one is compared field by field.
  if (known && (Object.isFrozen(partial) || unchanged(partial, known))) return known.resolved;
  const resolved = resolveUncached(partial);
  resolvedSettings.set(partial, { keys: Object.keys(partial).join(','), resolved });
  return resolved;
}

function unchanged(partial: Partial<DeadlineSettings>, { keys, resolved }: { keys: string; resolved: DeadlineSettings }): boolean {
  if (Object.keys(partial).join(',') !== keys) return false;
  for (const [key, value] of Object.entries(partial)) {
    const stored = resolved[key as keyof DeadlineSettings];
    if (value === stored) continue;
    if (JSON.stringify(value) !== JSON.stringify(stored)) return false;
  }
  return true;
}

function resolveUncached(partial: Partial<DeadlineSettings>): DeadlineSettings {
  const parsed = deadlineSettingsSchema.safeParse({ ...DEFAULT_DEADLINE_SETTINGS, ...partial });
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new RangeError(`Ongeldige termijninstellingen: ${detail}`);
  }
  return parsed.data;
}

export interface DeadlineSettingInfo {
  label: string; // Dutch, for the settings screen
  article: string;
  /** true: the statute's text could not be checked; the district should confirm the value. */
  verify: boolean;
}

export const DEADLINE_SETTING_INFO: Record<keyof DeadlineSettings, DeadlineSettingInfo> = {
  summonsTermDays: { label: 'Dagvaardingstermijn (dagen)', article: 'art. 265 lid 1 Sv', verify: false },
  politierechterSummonsTermDays: {
    label: 'Dagvaardingstermijn politierechter (dagen)',
    article: 'art. 370 Sv',
    verify: true,
  },
  politierechterModalities: {
    label: 'Modaliteiten voor de politierechter (korte dagvaardingstermijn)',
    article: 'art. 370 Sv',
    verify: true,
  },
  applyAtwToSummonsTerm: {
    label: 'Algemene termijnenwet toepassen op de dagvaardingstermijn',
    article: 'art. 1 en 2 Atw',
    verify: true,
  },
  snelrechtMaxAfterArrest: {
    label: 'Snelrecht (gedetineerd): uiterste berechting na aanhouding',
    article: 'art. 67a lid 2 onder 4 Sv',
    verify: true,
  },
  supersnelrechtTargetHours: {
    label: 'Supersnelrecht: streeftermijn na aanhouding (uren)',
    article: 'Actieplan strafrechtketen',
    verify: false,
  },
  snelrechtNdTargetMinDays: {
    label: 'Snelrecht niet-gedetineerd: begin streefperiode (dagen)',
    article: 'Actieplan strafrechtketen',
    verify: false,
  },
  snelrechtNdTargetMaxDays: {
    label: 'Snelrecht niet-gedetineerd: einde streefperiode (dagen)',
    article: 'Actieplan strafrechtketen',
    verify: false,
  },
  judgmentToOmDays: { label: 'Getekend vonnis naar OM (dagen)', article: 'Wet USB (ketenafspraak)', verify: true },
  toCjibDays: { label: 'Onherroepelijke beslissing naar CJIB (dagen)', article: 'Wet USB (ketenafspraak)', verify: true },
};
