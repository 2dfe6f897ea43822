// The rules of SPEC §7 as one typed object, with the defaults a fresh Settings tab is filled with.

import type { Language } from '../../sheet/language';
import {
  CLOSED_STATUSES,
  DEFAULT_SOURCES,
  type ReportCadence,
  type StatusKey,
} from '../../sheet/options';
import {
  DEFAULT_GRADE_FROM,
  DEFAULT_POINTS,
  type GradeThresholds,
  type ScoringPoints,
} from '../scoring/scoringRules';
import { labelIn } from '../../sheet/language';

export type GradeWithSla = 'A' | 'B' | 'C';
export type SlaClock = 'calendar' | 'workingDays';
export type TeamRole = 'sales' | 'manager';

export interface TeamMember {
  readonly name: string;
  readonly email: string;
  readonly role: TeamRole;
  readonly active: boolean;
}

export interface AssignmentRule {
  readonly region: string;
  readonly industry: string;
  readonly minBudget: number | undefined;
  readonly assignTo: readonly string[];
}

/** What was spent on one channel in one calendar month (SPEC §14 "Channel spend"). */
export interface ChannelSpend {
  /** As written in Settings; grouped with lead sources the way the analysis groups them. */
  readonly channel: string;
  /** `YYYY-MM`. */
  readonly month: string;
  /** 万 */
  readonly amount: number;
}

export interface Settings {
  /** Undefined: follow the spreadsheet's locale. */
  readonly language: Language | undefined;
  readonly productPrice: number;
  readonly poolDays: number;
  readonly gradeFrom: GradeThresholds;
  readonly slaHours: Readonly<Record<GradeWithSla, number>>;
  readonly cadenceDays: Readonly<Record<GradeWithSla, number>>;
  readonly aDailyDays: number;
  readonly slaClock: SlaClock;
  readonly managerEmails: readonly string[];
  readonly leadershipEmails: readonly string[];
  readonly chatWebhook: string;
  readonly analysisWindowDays: number;
  /** The hour (0–23, spreadsheet zone) at which the hourly job rebuilds the Analysis each day. */
  readonly analysisHour: number;
  /** What a web form must send to add leads (SPEC §13.3); blank: the web form is off. */
  readonly webFormToken: string;
  /** Web leads accepted per clock hour; 0 turns the web form off. */
  readonly webLeadsPerHour: number;
  /** Closed leads decided more than this many calendar months ago move to the archive; 0: never. */
  readonly archiveAfterMonths: number;
  /** How often managers and leadership get the periodic report (SPEC §14). */
  readonly leadershipReport: ReportCadence;
  /** Pool leads one person may claim per calendar day (SPEC §14); 0: only managers assign. */
  readonly claimsPerDay: number;
  /** Days after pooling before the previous owner may claim the same lead back. */
  readonly reclaimWaitDays: number;
  readonly points: ScoringPoints;
  /** Points a manager is trying out (SPEC §7 "proposed points"); only filled-in cells. */
  readonly proposedPoints: Partial<{ [D in keyof ScoringPoints]: Partial<ScoringPoints[D]> }>;
  readonly team: readonly TeamMember[];
  readonly rules: readonly AssignmentRule[];
  /** Source labels offered in the Leads drop-down, as written in Settings. */
  readonly sources: readonly string[];
  /** Open statuses that never go to the pool; closed statuses never do anyway. */
  readonly poolExemptStatuses: readonly StatusKey[];
  /** Which header of the team's own Leads sheet holds which field (SPEC §13.1), by field key. */
  readonly columnNames: Readonly<Partial<Record<string, string>>>;
  /** B2B teams need the company of every lead (template step 1); B2C teams sell to people. */
  readonly companyRequired: boolean;
  /** Spend per channel and month, for cost per lead and per won deal; empty: no cost table. */
  readonly channelSpend: readonly ChannelSpend[];
}

export function defaultSettings(language: Language): Settings {
  return {
    language,
    productPrice: 50,
    poolDays: 7,
    gradeFrom: DEFAULT_GRADE_FROM,
    slaHours: { A: 24, B: 48, C: 72 },
    cadenceDays: { A: 1, B: 2, C: 7 },
    aDailyDays: 14,
    slaClock: 'calendar',
    managerEmails: [],
    leadershipEmails: [],
    chatWebhook: '',
    analysisWindowDays: 0,
    analysisHour: 7,
    webFormToken: '',
    webLeadsPerHour: 200,
    archiveAfterMonths: 12,
    leadershipReport: 'weekly',
    claimsPerDay: 5,
    reclaimWaitDays: 3,
    points: DEFAULT_POINTS,
    proposedPoints: {},
    team: [],
    rules: [],
    sources: DEFAULT_SOURCES.map((s) => labelIn(language, s)),
    poolExemptStatuses: [...CLOSED_STATUSES],
    columnNames: {},
    companyRequired: true,
    channelSpend: [],
  };
}
