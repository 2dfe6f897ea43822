// The one door to Apps Script: every function Google calls by name (triggers, menu items, sidebar
// calls) is exported here, and the build turns each into a top-level function of the bundle.

import { handleEdit } from './operations/onEdit';
import { buildMenu } from './gas/menu';
import { scoreAllLeads as scoreAll } from './operations/scoreAllLeads';
import { type SetupSummary, setupSheets as setup } from './operations/setupSheets';
import * as jobs from './operations/automationJobs';
import {
  previewRuleChangeMenu,
  refreshAnalysis as refresh,
  shareWithLeadership as share,
} from './operations/refreshAnalysis';
import * as sidebar from './operations/followUpSidebar';
import * as report from './operations/periodicReport';
import * as columns from './operations/mapColumns';
import * as importing from './operations/importLeads';
import { handleWebPost } from './operations/webForm';
import * as forms from './operations/formResponses';
import { archiveClosedLeads as archiveClosed } from './operations/archiveClosedLeads';
import type { LeadCard, LeadSummary, SidebarStart } from './method/followUp/followUpContract';
import type { ClaimResult, MyDay, PoolLeadSummary } from './method/followUp/myDayContract';
import { getMyDay as myDay } from './operations/myDay';
import { claimPoolLead as claim } from './operations/claimPoolLead';
import { listPoolLeads as poolLeads } from './operations/poolLeads';

export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(e);
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  buildMenu(e, true);
}

export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  handleEdit(e);
}

/** Returns what it created and recognised, for a caller that reports it (the offline demo). */
export function setupSheets(): SetupSummary {
  return setup();
}

/** Menu: choose which of the sheet's own headers holds which field. */
export function showMapColumnsDialog(): void {
  columns.showMapColumnsDialog();
}

/** SPEC §13.1: store `{ field: header }` for the team's own Leads headers; the dialog's Save. */
export function mapColumns(mapping: unknown): string {
  return columns.mapColumns(mapping);
}

/** Menu: bring in the leads of another tab, after a preview. */
export function showImportDialog(): void {
  importing.showImportDialog();
}

/** SPEC §13.2: what importing a tab would do; writes nothing. */
export function previewImport(sheetName: string): importing.ImportPreview {
  return importing.previewImport(sheetName);
}

/** SPEC §13.2: append the tab's valid rows to Leads and mark them in the tab. */
export function importLeads(sheetName: string): importing.ImportResult {
  return importing.importLeads(sheetName);
}

export function scoreAllLeads(): void {
  scoreAll();
}

export function assignLeads(): void {
  jobs.assignLeads();
}

export function returnPoolLeads(): void {
  jobs.returnPoolLeads();
}

/** The time-driven job: its trigger, or anyone who calls it without one. */
export function runHourly(e?: GoogleAppsScript.Events.TimeDriven): void {
  jobs.runHourly(e);
}

/** The menu's "Run hourly job now": every step at once, the Analysis included. */
export function runHourlyNow(): void {
  jobs.runHourlyNow();
}

export function installAutomation(): void {
  jobs.installAutomation();
}

export function removeAutomation(): void {
  jobs.removeAutomation();
}

export function showFollowUpSidebar(): void {
  sidebar.showFollowUpSidebar();
}

/** Sidebar call: the language, the zone and the lead of the active row. */
export function getSidebarStart(): SidebarStart {
  return sidebar.getSidebarStart();
}

/** Sidebar call: leads matching an ID, company, contact or phone. */
export function searchLeads(query: string): LeadSummary[] {
  return sidebar.searchLeads(query);
}

/** Sidebar call: one lead's card with its history. */
export function getLeadCard(leadId: string): LeadCard {
  return sidebar.getLeadCard(leadId);
}

/** Sidebar call (SPEC §8): validate, write, return the updated lead. */
export function submitFollowUp(form: unknown): LeadCard {
  return sidebar.submitFollowUp(form);
}

/** Sidebar call (SPEC §14): the signed-in person's queue; `member` picks a name or, for a manager, whose. */
export function getMyDay(member?: unknown): MyDay {
  return myDay(member);
}

/** Sidebar call (SPEC §14): pool leads nobody was given, to claim. */
export function listPoolLeads(query?: unknown): PoolLeadSummary[] {
  return poolLeads(query);
}

/** Sidebar call (SPEC §14): take a pool lead back to Leads as its owner; a refusal names its rule. */
export function claimPoolLead(leadId: unknown): ClaimResult {
  return claim(leadId);
}

export function refreshAnalysis(): void {
  refresh();
}

/** Menu: rescore the history with the proposed points in Settings and show what would change. */
export function previewRuleChange(): void {
  previewRuleChangeMenu();
}

/** SPEC §14: the weekly or monthly report, once per period (the hourly job sends it when due). */
export function sendPeriodicReport(): void {
  report.sendPeriodicReport();
}

/** Menu: publish the analysis, small groups suppressed, view-only to the leadership e-mails. */
export function shareWithLeadership(): void {
  share();
}

/** Web app (SPEC §13.3): a web form's lead for the spreadsheet named by `?sheet=`; JSON answer. */
export function doPost(e?: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return handleWebPost(e);
}

/** Menu "Connect a form…", or a call naming the tab a Google Form's responses arrive in. */
export function connectFormResponses(sheetName?: unknown): string | undefined {
  return forms.connectFormResponses(sheetName);
}

/** Installable form-submit trigger: each response becomes a lead at once. */
export function onFormSubmit(e?: forms.FormSubmitEvent): void {
  forms.handleFormSubmit(e);
}

/** Menu, and the hourly job once a day (SPEC §16): move old closed leads to the yearly archive. */
export function archiveClosedLeads(): void {
  archiveClosed();
}
