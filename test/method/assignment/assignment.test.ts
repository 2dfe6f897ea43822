// Assignment (SPEC §3): which leads rules may assign, and who gets them in turn.

import {
  type RoundRobin,
  chooseOwner,
  isAssignable,
  ownerEmail,
} from '../../../src/method/assignment/assignment';
import type { AssignmentRule, TeamMember } from '../../../src/method/settings/settings';

const member = (name: string, overrides: Partial<TeamMember> = {}): TeamMember => ({
  name,
  email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
  role: 'sales',
  active: true,
  ...overrides,
});

const rule = (assignTo: string[], overrides: Partial<AssignmentRule> = {}): AssignmentRule => ({
  region: '',
  industry: '',
  minBudget: undefined,
  assignTo,
  ...overrides,
});

const lead = (overrides: Partial<Record<'region' | 'industry' | 'budget', unknown>> = {}) => ({
  region: '华东-上海',
  industry: '制造业',
  budget: '50-80万',
  ...overrides,
});

const ZHANG = member('Zhang Wei');
const LI = member('Li Na');
const WANG = member('Wang Fang');
const ZHAO = member('Zhao Lei', { role: 'manager' });

describe('isAssignable', () => {
  const assignable = {
    owner: '',
    status: '新线索',
    grade: 'A',
    duplicateOf: '',
    id: '202405001-展会',
  };

  it('accepts an open, graded, unowned lead with an ID and no duplicate flag', () => {
    expect(isAssignable(assignable)).toBe(true);
  });

  it('accepts a blank status as a new lead', () => {
    expect(isAssignable({ ...assignable, status: '' })).toBe(true);
  });

  it.each(['A', 'B', 'C', ' b '])('accepts grade %p', (grade) => {
    expect(isAssignable({ ...assignable, grade })).toBe(true);
  });

  it('never reassigns a lead that has an owner', () => {
    expect(isAssignable({ ...assignable, owner: 'Zhang Wei' })).toBe(false);
  });

  it.each(['成交', 'Not won', '流失'])('skips a closed lead (%p)', (status) => {
    expect(isAssignable({ ...assignable, status })).toBe(false);
  });

  it('keeps assigning open statuses other than New', () => {
    expect(isAssignable({ ...assignable, status: '培育中' })).toBe(true);
  });

  it('waits while the Possible duplicate cell is filled', () => {
    expect(isAssignable({ ...assignable, duplicateOf: '202404003-展会（公海）' })).toBe(false);
  });

  it('does not assign a D lead', () => {
    expect(isAssignable({ ...assignable, grade: 'D' })).toBe(false);
  });

  it('does not assign a lead before it is graded', () => {
    expect(isAssignable({ ...assignable, grade: '' })).toBe(false);
  });

  it('does not assign a lead without a Lead ID', () => {
    expect(isAssignable({ ...assignable, id: ' ' })).toBe(false);
  });
});

describe('chooseOwner', () => {
  it('lets the first matching rule win', () => {
    const settings = {
      team: [ZHANG, LI],
      rules: [rule(['Zhang Wei'], { region: '华东' }), rule(['Li Na'])],
    };
    expect(chooseOwner(lead(), settings, {})).toEqual({ owner: 'Zhang Wei', rule: 0 });
  });

  it('skips rules that do not match', () => {
    const settings = {
      team: [ZHANG, LI],
      rules: [rule(['Zhang Wei'], { region: '华南' }), rule(['Li Na'], { region: '华东' })],
    };
    expect(chooseOwner(lead(), settings, {})).toEqual({ owner: 'Li Na', rule: 1 });
  });

  it('matches a region the lead region contains, or equals, ignoring case', () => {
    const settings = { team: [ZHANG], rules: [rule(['Zhang Wei'], { region: 'East' })] };
    expect(chooseOwner(lead({ region: 'east - shanghai' }), settings, {})?.rule).toBe(0);
    expect(chooseOwner(lead({ region: 'EAST' }), settings, {})?.rule).toBe(0);
    expect(chooseOwner(lead({ region: 'South' }), settings, {})?.rule).toBeUndefined();
  });

  it('does not match a rule region against a blank lead region', () => {
    const settings = { team: [ZHANG], rules: [rule(['Zhang Wei'], { region: '华东' })] };
    expect(chooseOwner(lead({ region: '' }), settings, {})?.rule).toBeUndefined();
  });

  it('matches on industry', () => {
    const settings = {
      team: [ZHANG, LI],
      rules: [rule(['Zhang Wei'], { industry: '金融' }), rule(['Li Na'], { industry: '制造' })],
    };
    expect(chooseOwner(lead({ industry: '制造业' }), settings, {})).toEqual({
      owner: 'Li Na',
      rule: 1,
    });
    expect(chooseOwner(lead({ industry: '金融' }), settings, {})).toEqual({
      owner: 'Zhang Wei',
      rule: 0,
    });
  });

  it('needs region and industry to match together', () => {
    const settings = {
      team: [ZHANG],
      rules: [rule(['Zhang Wei'], { region: '华东', industry: '金融' })],
    };
    expect(chooseOwner(lead({ industry: '制造业' }), settings, {})?.rule).toBeUndefined();
  });

  it('passes a min budget equal to the top of the budget range', () => {
    const settings = { team: [ZHAO, ZHANG], rules: [rule(['Zhao Lei'], { minBudget: 80 })] };
    expect(chooseOwner(lead({ budget: '50-80万' }), settings, {})).toEqual({
      owner: 'Zhao Lei',
      rule: 0,
    });
  });

  it('fails a min budget just above the top of the range', () => {
    const settings = { team: [ZHAO, ZHANG], rules: [rule(['Zhao Lei'], { minBudget: 80.01 })] };
    expect(chooseOwner(lead({ budget: '50-80万' }), settings, {})).toEqual({
      owner: 'Zhang Wei',
      rule: undefined,
    });
  });

  it('reads the budget in any form parseBudget does', () => {
    const settings = { team: [ZHAO], rules: [rule(['Zhao Lei'], { minBudget: 100 })] };
    expect(chooseOwner(lead({ budget: '¥1,000,000' }), settings, {})?.rule).toBe(0);
    expect(chooseOwner(lead({ budget: 120 }), settings, {})?.rule).toBe(0);
    expect(chooseOwner(lead({ budget: '50万以上' }), settings, {})?.rule).toBe(0);
  });

  it('never lets an unreadable or blank budget meet a min budget', () => {
    const settings = { team: [ZHAO, ZHANG], rules: [rule(['Zhao Lei'], { minBudget: 0 })] };
    expect(chooseOwner(lead({ budget: '面议' }), settings, {})?.owner).toBe('Zhang Wei');
    expect(chooseOwner(lead({ budget: '' }), settings, {})?.owner).toBe('Zhang Wei');
  });

  it('ignores the budget when the rule has no min budget', () => {
    const settings = { team: [ZHANG], rules: [rule(['Zhang Wei'])] };
    expect(chooseOwner(lead({ budget: '面议' }), settings, {})?.rule).toBe(0);
  });

  it("assigns round-robin across the rule's names", () => {
    const settings = { team: [ZHANG, LI, WANG], rules: [rule(['Zhang Wei', 'Li Na'])] };
    const pointers: RoundRobin = {};
    const owners = [1, 2, 3].map(() => chooseOwner(lead(), settings, pointers)?.owner);
    expect(owners).toEqual(['Zhang Wei', 'Li Na', 'Zhang Wei']);
    expect(pointers).toEqual({ 'rule:0': 3 });
  });

  it('continues the rotation from a stored pointer', () => {
    const settings = {
      team: [ZHANG, LI, WANG],
      rules: [rule(['Zhang Wei', 'Li Na', 'Wang Fang'])],
    };
    const pointers: RoundRobin = { 'rule:0': 4 };
    expect(chooseOwner(lead(), settings, pointers)?.owner).toBe('Li Na');
    expect(pointers['rule:0']).toBe(5);
  });

  it('starts a damaged pointer from the first name', () => {
    const settings = { team: [ZHANG, LI], rules: [rule(['Zhang Wei', 'Li Na'])] };
    const pointers: RoundRobin = { 'rule:0': -3 };
    expect(chooseOwner(lead(), settings, pointers)?.owner).toBe('Zhang Wei');
    expect(pointers['rule:0']).toBe(1);
  });

  it('keeps a separate pointer per rule', () => {
    const settings = {
      team: [ZHANG, LI, WANG],
      rules: [rule(['Zhang Wei', 'Li Na'], { region: '华东' }), rule(['Li Na', 'Wang Fang'])],
    };
    const pointers: RoundRobin = {};
    expect(chooseOwner(lead(), settings, pointers)?.owner).toBe('Zhang Wei');
    expect(chooseOwner(lead({ region: '华南' }), settings, pointers)?.owner).toBe('Li Na');
    expect(chooseOwner(lead(), settings, pointers)?.owner).toBe('Li Na');
    expect(pointers).toEqual({ 'rule:0': 2, 'rule:1': 1 });
  });

  it('resolves assignees by name or e-mail, ignoring case, and writes the name', () => {
    const settings = { team: [ZHANG, LI], rules: [rule(['LI.NA@example.com', ' zhang wei '])] };
    const pointers: RoundRobin = {};
    expect(chooseOwner(lead(), settings, pointers)?.owner).toBe('Li Na');
    expect(chooseOwner(lead(), settings, pointers)?.owner).toBe('Zhang Wei');
  });

  it('skips inactive assignees', () => {
    const settings = {
      team: [ZHANG, member('Li Na', { active: false }), WANG],
      rules: [rule(['Zhang Wei', 'Li Na', 'Wang Fang'])],
    };
    const pointers: RoundRobin = {};
    const owners = [1, 2, 3].map(() => chooseOwner(lead(), settings, pointers)?.owner);
    expect(owners).toEqual(['Zhang Wei', 'Wang Fang', 'Zhang Wei']);
  });

  it('falls through a matching rule whose assignees are all inactive', () => {
    const settings = {
      team: [member('Zhang Wei', { active: false }), LI],
      rules: [rule(['Zhang Wei'], { region: '华东' }), rule(['Li Na'])],
    };
    expect(chooseOwner(lead(), settings, {})).toEqual({ owner: 'Li Na', rule: 1 });
  });

  it('assigns to an e-mail address outside the team', () => {
    const settings = { team: [ZHANG], rules: [rule(['partner@agency.cn', 'Zhang Wei'])] };
    const pointers: RoundRobin = {};
    expect(chooseOwner(lead(), settings, pointers)).toEqual({
      owner: 'partner@agency.cn',
      rule: 0,
    });
    expect(chooseOwner(lead(), settings, pointers)?.owner).toBe('Zhang Wei');
  });

  it('drops a name that is neither in the team nor an e-mail address', () => {
    const settings = { team: [ZHANG], rules: [rule(['Nobody'], { region: '华东' })] };
    expect(chooseOwner(lead(), settings, {})).toEqual({ owner: 'Zhang Wei', rule: undefined });
  });

  it('rotates over active Sales when no rule matches, leaving managers out', () => {
    const settings = {
      team: [ZHAO, ZHANG, member('Li Na', { active: false }), WANG],
      rules: [rule(['Zhao Lei'], { region: '华南' })],
    };
    const pointers: RoundRobin = {};
    const owners = [1, 2, 3].map(() => chooseOwner(lead(), settings, pointers)?.owner);
    expect(owners).toEqual(['Zhang Wei', 'Wang Fang', 'Zhang Wei']);
    expect(pointers).toEqual({ default: 3 });
  });

  it('continues the Sales rotation from a stored pointer', () => {
    const settings = { team: [ZHANG, LI, WANG], rules: [] };
    const pointers: RoundRobin = { default: 7 };
    expect(chooseOwner(lead(), settings, pointers)).toEqual({ owner: 'Li Na', rule: undefined });
    expect(pointers.default).toBe(8);
  });

  it('finds nobody when no rule matches and no Sales member is active', () => {
    const settings = { team: [ZHAO, member('Zhang Wei', { active: false })], rules: [] };
    const pointers: RoundRobin = {};
    expect(chooseOwner(lead(), settings, pointers)).toBeUndefined();
    expect(pointers).toEqual({});
  });

  it('finds nobody with an empty team and no rules', () => {
    expect(chooseOwner(lead(), { team: [], rules: [] }, {})).toBeUndefined();
  });
});

describe('ownerEmail', () => {
  it("gives a team member's e-mail by name, ignoring case and spaces", () => {
    expect(ownerEmail(' zhang  WEI ', [ZHANG, LI])).toBe('zhang.wei@example.com');
  });

  it('gives an e-mail address written as the owner', () => {
    expect(ownerEmail(' partner@agency.cn ', [ZHANG])).toBe('partner@agency.cn');
  });

  it('gives nothing for a name outside the team', () => {
    expect(ownerEmail('Nobody', [ZHANG])).toBeUndefined();
  });

  it('gives nothing for a team member without an e-mail', () => {
    expect(ownerEmail('Zhang Wei', [member('Zhang Wei', { email: '' })])).toBeUndefined();
  });

  it('gives nothing for a blank owner', () => {
    expect(ownerEmail('', [ZHANG])).toBeUndefined();
    expect(ownerEmail(null, [ZHANG])).toBeUndefined();
  });
});
