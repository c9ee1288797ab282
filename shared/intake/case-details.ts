import { z } from 'zod';
import { caseIntakeSchema } from './case-intake';

/**
 * The details of a case and its suspect that are corrected after intake (a typo in the name, the
 * address CJIB could not find, another lawyer, the offence as the OM charges it): the case page's
 * "Gegevens corrigeren" form and `cases.updateDetails`. The suspect's fields live on the suspect
 * (shared by the suspect's cases); the rest on the case.
 */
export const SUSPECT_DETAIL_FIELDS = ['fullName', 'dateOfBirth', 'summonsAddress', 'lawyerName'] as const;
export const CASE_ONLY_DETAIL_FIELDS = ['policeUnit', 'offenceSummary', 'offenceAt'] as const;
export const CASE_DETAIL_FIELDS = [...SUSPECT_DETAIL_FIELDS, ...CASE_ONLY_DETAIL_FIELDS] as const;
export type CaseDetailField = (typeof CASE_DETAIL_FIELDS)[number];
export type SuspectDetailField = (typeof SUSPECT_DETAIL_FIELDS)[number];

export const isCaseDetailField = (field: string): field is CaseDetailField => (CASE_DETAIL_FIELDS as readonly string[]).includes(field);

// The intake's own field rules, so a correction is held to the same checks as the first entry.
const suspectShape = caseIntakeSchema.shape.suspect.shape;
const intakeShape = caseIntakeSchema.shape;

/** What may change, each field optional ('changed fields only'); an empty optional text clears it. */
export const caseDetailChangesSchema = z
  .object({
    fullName: suspectShape.fullName,
    dateOfBirth: suspectShape.dateOfBirth,
    summonsAddress: suspectShape.summonsAddress,
    lawyerName: suspectShape.lawyerName,
    policeUnit: intakeShape.policeUnit,
    offenceSummary: intakeShape.offenceSummary,
    offenceAt: intakeShape.offenceAt,
  })
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'Wijzig ten minste één gegeven');

export type CaseDetailChanges = z.output<typeof caseDetailChangesSchema>;
export type CaseDetailChangesInput = z.input<typeof caseDetailChangesSchema>;
