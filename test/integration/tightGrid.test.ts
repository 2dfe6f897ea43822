// A Leads tab whose grid ends at its last lead (no spare rows): a person who deletes a row while the
// sidebar or a web form's lead reads it leaves a read past the grid's end, and one who inserts a
// row pushes the last lead down. Each read of the whole tab or of some of its columns runs to the
// tab's end as it is then, with and without the Sheets service.

import type { People } from '../../gas-local/people';
import type { LocalAppsScript } from '../../gas-local/runtime';
import { automationWorkbook, gradeALead, LEADS, T0, takeSpareRows } from '../support/automation';
import { answerOf, postLead, tokenOf } from '../support/forms';
import { rowsOf } from '../support/runtime';

const sidebar = { execution: 'sidebar' as const };
const idOf = (i: number) => `L${String(i).padStart(6, '0')}`;
/** Long enough that, without the service, columns far apart are read apart. */
const countFor = (withoutService: boolean) => (withoutService ? 2_500 : 300);
/** The sidebar user's leads: every hundredth, and the last, each first contact overdue. */
const isMine = (i: number, count: number) => i % 100 === 1 || i === count - 1;

/** Leads in a grid cut to the last of them. */
function tightLeads(withoutService: boolean): LocalAppsScript {
  const COUNT = countFor(withoutService);
  const runtime = automationWorkbook(
    Array.from({ length: COUNT }, (_, i) =>
      gradeALead(i, {
        id: idOf(i),
        grade: 'B',
        ...(isMine(i, COUNT)
          ? {
              owner: 'owner@example.com',
              firstContactDue: new Date(T0.getTime() - (i + 1) * 60_000),
            }
          : { owner: '张伟', status: '跟进中' }),
      }),
    ),
    undefined,
    undefined,
    withoutService ? { withoutAdvancedServices: true } : {},
  );
  takeSpareRows(runtime, LEADS);
  return runtime;
}

const PEOPLE: [string, (person: People) => void][] = [
  ['deletes the first lead’s row', (person) => person.deleteRow(LEADS, 2)],
  ['inserts a row at the top', (person) => person.insertRowBefore(LEADS, 2)],
];

/**
 * The data calls of one clean run of `action` on Leads (or on no one tab), each a moment to act
 * before: acting just before a call on another tab is, for Leads, acting before the next one.
 */
function dataCalls(withoutService: boolean, action: (runtime: LocalAppsScript) => unknown) {
  const runtime = tightLeads(withoutService);
  const { calls } = runtime.measure(() => action(runtime));
  return calls.flatMap((c) =>
    c.dataIndex !== undefined && (!c.sheet || c.sheet === LEADS) ? [c.dataIndex] : [],
  );
}

describe.each([
  ['with the Sheets service', false],
  ['without the Sheets service', true],
])('a tab without spare rows, %s', (_, withoutService) => {
  const COUNT = countFor(withoutService);
  const myDay = (runtime: LocalAppsScript) =>
    runtime.invoke('getMyDay', [], sidebar) as {
      items: { leadId: string; company: string }[];
    };

  it.each(PEOPLE)('lists My day, each lead with its own company, when a person %s', (_, act) => {
    for (const k of dataCalls(withoutService, myDay)) {
      const runtime = tightLeads(withoutService);
      runtime.people.before(k, act);
      const items = myDay(runtime).items;
      const mine = Array.from({ length: COUNT }, (__, i) => i).filter(
        (i) => isMine(i, COUNT) && items.some((item) => item.leadId === idOf(i)),
      );
      expect({ k, listed: mine.length }).toEqual({ k, listed: Math.ceil(COUNT / 100) + 1 });
      for (const item of items) {
        const i = Number(item.leadId.slice(1));
        expect({ k, id: item.leadId, company: item.company }).toEqual({
          k,
          id: item.leadId,
          company: `公司${i}`,
        });
      }
    }
  });

  it.each(PEOPLE)(
    'answers a web form’s lead, flagged as the last lead’s duplicate, when a person %s',
    (_, act) => {
      const post = (runtime: LocalAppsScript) =>
        answerOf(
          postLead(runtime, runtime.spreadsheet.getId(), {
            token: tokenOf(runtime),
            contact: '新客户',
            phone: String(rowsOf(runtime, LEADS)[COUNT - 1]['联系方式']),
            company: '新公司',
          }),
        );
      for (const k of dataCalls(withoutService, post)) {
        const runtime = tightLeads(withoutService);
        runtime.people.before(k, act);
        const answer = post(runtime);
        expect({ k, ok: answer.ok, duplicateOf: answer.duplicateOf }).toEqual({
          k,
          ok: true,
          duplicateOf: idOf(COUNT - 1),
        });
        const added = rowsOf(runtime, LEADS).filter((lead) => lead['联系人'] === '新客户');
        expect({ k, added: added.length }).toEqual({ k, added: 1 });
      }
    },
  );
});
