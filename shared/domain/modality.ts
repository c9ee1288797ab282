/** How a case reaches (or bypasses) the court. One vocabulary for cases, sessions, CLI and UI. */
export const MODALITIES = ['zsm', 'supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Modalities that are heard in court (ZSM is decided at the ZSM table, without a hearing). */
export const HEARD_MODALITIES = ['supersnelrecht', 'snelrecht', 'snelrecht_nd', 'filler'] as const;
export type HeardModality = (typeof HEARD_MODALITIES)[number];

/** Kinds of filler cases the prosecution may put on a session (DOMAIN.md, non-detained snelrecht). */
export const FILLER_KINDS = ['older_case', 'verzet', 'vtl', 'summoned_suspect', 'stock_case', 'adjourned_case'] as const;
export type FillerKind = (typeof FILLER_KINDS)[number];

/** Detained modalities: the suspect is in custody, so hard custody limits apply (LEGAL-RULES.md). */
export function isDetainedModality(modality: string): boolean {
  return modality === 'supersnelrecht' || modality === 'snelrecht';
}
