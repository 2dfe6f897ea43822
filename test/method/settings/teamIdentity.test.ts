// Who a person is on the team: by e-mail or by name, and which Owner cells are theirs.

import { defaultSettings } from '../../../src/method/settings/settings';
import {
  activeNames,
  isOwnedBy,
  ownerLabel,
  personByEmail,
  personByName,
} from '../../../src/method/settings/teamIdentity';

const settings = {
  ...defaultSettings('zh'),
  managerEmails: ['boss@example.com'],
  team: [
    { name: '张伟', email: 'Zhang@Example.com', role: 'sales' as const, active: true },
    { name: '赵经理', email: 'zhao@example.com', role: 'manager' as const, active: true },
    { name: '老王', email: 'wang@example.com', role: 'sales' as const, active: false },
  ],
};

describe('team identity', () => {
  it('finds an active member by e-mail, whatever its case', () => {
    expect(personByEmail('zhang@example.com', settings)).toEqual({
      name: '张伟',
      email: 'Zhang@Example.com',
      manager: false,
      member: true,
    });
    expect(personByEmail('zhao@example.com', settings)?.manager).toBe(true);
  });

  it('keeps an address the team lacks as the person, a manager when listed as one', () => {
    expect(personByEmail('boss@example.com', settings)).toEqual({
      name: '',
      email: 'boss@example.com',
      manager: true,
      member: false,
    });
    expect(personByEmail('wang@example.com', settings)?.member).toBe(false);
    expect(personByEmail('  ', settings)).toBeUndefined();
  });

  it('finds an active member by name or e-mail, never an inactive one', () => {
    expect(personByName(' 张伟 ', settings)?.email).toBe('Zhang@Example.com');
    expect(personByName('zhao@example.com', settings)?.name).toBe('赵经理');
    expect(personByName('老王', settings)).toBeUndefined();
  });

  it('owns Owner cells holding the name or the e-mail', () => {
    const zhang = personByName('张伟', settings);
    if (!zhang) throw new Error('no 张伟');
    expect(isOwnedBy('张伟', zhang)).toBe(true);
    expect(isOwnedBy(' zhang@example.com ', zhang)).toBe(true);
    expect(isOwnedBy('张伟伟', zhang)).toBe(false);
    expect(isOwnedBy('', zhang)).toBe(false);
    expect(ownerLabel(zhang)).toBe('张伟');
    expect(activeNames(settings)).toEqual(['张伟', '赵经理']);
  });
});
