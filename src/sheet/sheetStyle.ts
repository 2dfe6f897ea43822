// How the tool's tabs look: number formats per column kind, header and computed-column shading,
// and grade colours. Kept in one place so setup and the xlsx export agree.

import type { Grade } from '../method/scoring/scoringRules';
import type { ColumnFormat } from './tabs';

export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string | undefined>> = {
  text: '@',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  number: '0.##',
  general: undefined,
};

export const COLOURS = {
  inputHeader: '#c9daf8',
  computedHeader: '#d9d9d9',
  computedCell: '#f3f3f3',
  settingsTitle: '#fce8b2',
  overdue: '#f4c7c3',
  overdueText: '#a50e0e',
  /** A required cell left blank on a lead: a pale amber, unlike overdue's red. */
  missingField: '#fde9c9',
  headerText: '#1f1f1f',
} as const;

export const GRADE_COLOURS: Readonly<Record<Grade, string>> = {
  A: '#b7e1cd',
  B: '#c9daf8',
  C: '#fce8b2',
  D: '#e0e0e0',
};
