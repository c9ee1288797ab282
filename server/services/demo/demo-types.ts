import type { CaseStatus, HearingStatus } from '../../../shared/domain/case-status';
import type { FillerKind, Modality } from '../../../shared/domain/modality';
import type { OtherRoute, ZsmOutcome } from '../../../shared/domain/zsm-outcome';
import type { Daypart, SessionType } from '../../../shared/domain/session';
import type { DemoDecision } from './demo-chain';

// The shapes of a generated demo district, apart from the generator (which uses the history and
// timeline modules that use these shapes too).

export interface DemoSession {
  /** Index into DEMO_SESSION_PATTERN: the template the session was generated from. */
  pattern: number;
  location: number;
  room: number;
  date: string;
  daypart: Daypart;
  startTime: string;
  endTime: string;
  sessionType: SessionType;
  capacitySlots: number;
  capacityMinutes: number;
  /** Also hears minors (juvenile law, art. 77a Sr ff.), as its pattern says. */
  acceptsMinors: boolean;
  judgeName: string | null;
  prosecutorName: string | null;
}

export interface DemoCase {
  parketnummer: string;
  suspect: { fullName: string; dateOfBirth: string; summonsAddress: string; lawyerName: string | null };
  modality: Modality;
  fillerKind: FillerKind | null;
  status: CaseStatus;
  policeUnit: string;
  offenceSummary: string;
  offenceAt: string;
  arrestedAt: string | null;
  custodyOrderedAt: string | null;
  remandOrderedAt: string | null;
  summonsServedAt: string | null;
  shortTermConsent: boolean;
  createdAt: string;
  zsmDecision: { outcome: ZsmOutcome; otherRoute: OtherRoute | null; prosecutorName: string; reason: string; decidedAt: string } | null;
  /** The first hearing (the one the legal limits bind). */
  hearing: DemoHearing | null;
  /** The hearing after a recorded adjournment of the first one. */
  rehearing: DemoHearing | null;
  /** The judgment of the held hearing, or the recorded strafbeschikking of the ZSM table. */
  decision: DemoDecision | null;
}

export interface DemoHearing {
  session: number;
  status: HearingStatus;
  /** When it was put on its session (or on the session it was moved from). */
  plannedAt: string;
  /** It was first planned on another session and moved at `movedAt`. */
  movedFrom: { session: number; movedAt: string } | null;
  outcome: DemoHearingOutcome | null;
}

export interface DemoHearingOutcome {
  outcome: 'decided' | 'adjourned';
  recordedAt: string;
  suspectPresent: boolean;
  adjournmentReason: string | null;
  /** Adjourned: the date from which it can be heard again. */
  resumeFrom: string | null;
}
