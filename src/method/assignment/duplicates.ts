// Finds a lead that may already be followed by someone (SPEC §3): same phone, or same company + contact.

import { isBlank } from '../../sheet/cells';
import type { Language } from '../../sheet/language';
import { LEAD_CELLS, t } from '../../sheet/text';

/** Characters people put inside phone numbers that carry no digit: spaces, dashes, dots, brackets. */
const PHONE_SEPARATORS = /[\s\-.()（）－—–]/g;
/** A mainland mobile behind a country code (`86`, or `0086` once a leading `+` is gone). */
const MOBILE_WITH_COUNTRY_CODE = /^(?:0086|86)(1[3-9]\d{9})$/;
const MIN_PHONE_DIGITS = 7;

/**
 * The "Phone / WeChat" cell as one comparable key, or undefined when it cannot be one.
 * Digits: separators and a leading `+` are dropped, and `+86` / `0086` / `86` before a mainland mobile
 * is removed, so `+86 138-0013-8000` and `13800138000` are the same. Fewer than 7 digits is too
 * short to identify anyone. Latin letters mean a WeChat ID, kept whole (its dashes and underscores
 * are part of it) as `wx:` + the lower-cased text. Anything else (e.g. two numbers with a slash) is
 * unreadable rather than guessed at.
 */
export function normalizePhone(value: unknown): string | undefined {
  if (typeof value === 'number') return phoneDigits(wholeNumberText(value));
  if (isBlank(value)) return undefined;
  const text = String(value).trim();
  if (/[a-z]/i.test(text)) return `wx:${text.toLowerCase()}`;
  return phoneDigits(text.replace(PHONE_SEPARATORS, '').replace(/^\+/, ''));
}

/** A number cell as its digits; Sheets turns a typed `13800138000` into a number. */
function wholeNumberText(value: number): string {
  return Number.isSafeInteger(value) && value >= 0 ? String(value) : '';
}

function phoneDigits(digits: string): string | undefined {
  if (!/^\d+$/.test(digits)) return undefined;
  const national = MOBILE_WITH_COUNTRY_CODE.exec(digits)?.[1] ?? digits;
  return national.length >= MIN_PHONE_DIGITS ? national : undefined;
}

/** A region written before the name in brackets, as in `（上海）某某科技`. */
const LEADING_REGION = /^[(（][^()（）]*[)）]/;
/** Legal-form endings; longest Chinese ones first so `股份有限公司` is not cut as `有限公司`. */
const LEGAL_SUFFIXES: readonly RegExp[] = [
  /股份有限公司$/,
  /有限责任公司$/,
  /有限公司$/,
  /集团$/,
  // Latin suffixes only after a space, comma or dot, so `Flinc` keeps its `inc`.
  /[\s,.]+co\.?,?\s*ltd\.?$/i,
  /[\s,.]+ltd\.?$/i,
  /[\s,.]+inc\.?$/i,
  /[\s,.]+group$/i,
];

/**
 * The Company cell as a comparable key, or undefined when blank. Drops a bracketed region before
 * the name and legal-form suffixes at the end (repeatedly: `某某集团股份有限公司` → `某某`), then
 * spaces and case. A region that is part of the name (`上海某某科技`) or sits in the middle
 * (`某某科技（上海）有限公司`) is kept: those are often separate legal entities, and telling them
 * apart is a person's call.
 */
export function normalizeCompany(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  const name = stripLegalSuffixes(String(value).trim().replace(LEADING_REGION, '').trim());
  const key = name.replace(/\s+/g, '').toLowerCase();
  return key === '' ? undefined : key;
}

/** Strips suffixes until none is left, but never down to nothing (a company called `集团` stays). */
function stripLegalSuffixes(name: string): string {
  let current = name;
  for (;;) {
    const suffix = LEGAL_SUFFIXES.find((pattern) => pattern.test(current));
    const shorter = suffix ? current.replace(suffix, '').trim() : '';
    if (shorter === '') return current;
    current = shorter;
  }
}

/** The Contact cell as a comparable key: spaces removed, lower-cased; undefined when blank. */
export function normalizeContact(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  return String(value).replace(/\s+/g, '').toLowerCase();
}

/** A lead that others are compared against: an open lead in Leads, or a lead in the Pool. */
export interface DuplicateCandidate {
  id: string;
  owner: string;
  phone: unknown;
  company: unknown;
  contact: unknown;
  inPool: boolean;
}

export interface DuplicateLead {
  id: string;
  phone: unknown;
  company: unknown;
  contact: unknown;
}

interface Indexed {
  readonly candidate: DuplicateCandidate;
  /** Position in the order added, so the earliest match can win whichever key found it. */
  readonly order: number;
}

/** The keys of the leads a pass will look up; no other candidate can ever be found. */
export interface WantedKeys {
  readonly phones: ReadonlySet<string>;
  readonly companyContacts: ReadonlySet<string>;
}

export interface DuplicateIndex {
  readonly byPhone: Map<string, Indexed[]>;
  readonly byCompanyContact: Map<string, Indexed[]>;
  /** How many candidates have been added: the next one's position. */
  added: number;
  /** When set, only candidates sharing one of these keys are kept: a long tab has few new leads. */
  readonly only?: WantedKeys;
}

/** The keys `leads` will be looked up by. */
export function wantedKeys(leads: readonly Omit<DuplicateLead, 'id'>[]): WantedKeys {
  const phones = new Set<string>();
  const companyContacts = new Set<string>();
  for (const lead of leads) {
    const phone = normalizePhone(lead.phone);
    if (phone !== undefined) phones.add(phone);
    const companyContact = companyContactKey(lead);
    if (companyContact !== undefined) companyContacts.add(companyContact);
  }
  return { phones, companyContacts };
}

/**
 * Indexes candidates by normalised phone and by company + contact. Which leads count (open ones
 * and pool ones) is the caller's choice; with `only`, just the leads that can match those keys.
 */
export function buildDuplicateIndex(
  candidates: readonly DuplicateCandidate[],
  only?: WantedKeys,
): DuplicateIndex {
  const index: DuplicateIndex = {
    byPhone: new Map(),
    byCompanyContact: new Map(),
    added: 0,
    ...(only ? { only } : {}),
  };
  for (const candidate of candidates) addCandidate(index, candidate);
  return index;
}

/**
 * Adds one candidate after those already indexed, e.g. a new lead once it has been checked, so a
 * later row for the same customer finds it. A candidate without a Lead ID is left out: the note
 * could not point at it.
 */
export function addCandidate(index: DuplicateIndex, candidate: DuplicateCandidate): void {
  if (isBlank(candidate.id)) return;
  const entry: Indexed = { candidate, order: index.added++ };
  addTo(index.byPhone, normalizePhone(candidate.phone), entry, index.only?.phones);
  addTo(index.byCompanyContact, companyContactKey(candidate), entry, index.only?.companyContacts);
}

function addTo(
  map: Map<string, Indexed[]>,
  key: string | undefined,
  entry: Indexed,
  only: ReadonlySet<string> | undefined,
): void {
  if (key === undefined || (only && !only.has(key))) return;
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

/** Company and contact together; undefined unless both are filled, since either alone is too loose. */
function companyContactKey(lead: { company: unknown; contact: unknown }): string | undefined {
  const company = normalizeCompany(lead.company);
  const contact = normalizeContact(lead.contact);
  // A separator no cell can hold keeps `ab` + `c` apart from `a` + `bc`.
  return company === undefined || contact === undefined ? undefined : `${company}\u0000${contact}`;
}

/** The earliest-indexed candidate with the same phone, or the same company and contact; never itself. */
export function findDuplicate(
  index: DuplicateIndex,
  lead: DuplicateLead,
): DuplicateCandidate | undefined {
  const ownId = idText(lead.id);
  const notItself = (entries: readonly Indexed[] | undefined) =>
    entries?.find((entry) => ownId === '' || idText(entry.candidate.id) !== ownId);
  const phoneKey = normalizePhone(lead.phone);
  const companyKey = companyContactKey(lead);
  const byPhone = phoneKey === undefined ? undefined : notItself(index.byPhone.get(phoneKey));
  const byCompany =
    companyKey === undefined ? undefined : notItself(index.byCompanyContact.get(companyKey));
  return earliest(byPhone, byCompany)?.candidate;
}

const idText = (id: unknown): string => String(id ?? '').trim();

function earliest(a: Indexed | undefined, b: Indexed | undefined): Indexed | undefined {
  if (!a || !b) return a ?? b;
  return a.order <= b.order ? a : b;
}

/** The "Possible duplicate" cell: the matching Lead ID and who has it (its owner, or the pool). */
export function duplicateNote(match: DuplicateCandidate, language: Language): string {
  const id = idText(match.id);
  const owner = String(match.owner ?? '').trim();
  if (match.inPool) return t(language, LEAD_CELLS.duplicateInPool, id);
  if (owner === '') return t(language, LEAD_CELLS.duplicateUnassigned, id);
  return t(language, LEAD_CELLS.duplicateOwnedBy, id, owner);
}
