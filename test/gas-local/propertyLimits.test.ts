// Property stores refuse what Google refuses (9 KB per value, 500 KB per store), and a test can
// measure what every store holds.

import { LocalAppsScript } from '../../gas-local/runtime';

const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function runtime() {
  return new LocalAppsScript({ locale: 'en_US' });
}

describe('property value limit', () => {
  it('accepts a value of 9 KB and refuses one byte more, with the store-quota message', () => {
    const rt = runtime();
    rt.run(
      "PropertiesService.getScriptProperties().setProperty('k', new Array(9 * 1024 + 1).join('a'));",
    );
    expect(() =>
      rt.run(
        "PropertiesService.getScriptProperties().setProperty('k', new Array(9 * 1024 + 2).join('a'));",
      ),
    ).toThrow(STORE_FULL);
  });

  it('measures values in UTF-8 bytes, so Chinese text reaches the limit three times sooner', () => {
    const rt = runtime();
    expect(() =>
      rt.run(
        "PropertiesService.getDocumentProperties().setProperty('k', new Array(3073 + 1).join('线'));",
      ),
    ).toThrow(STORE_FULL);
  });
});

describe('property store limit', () => {
  const fill = (store: string, count: number) => `
    var props = PropertiesService.${store}();
    var value = new Array(9000 + 1).join('x');
    for (var i = 0; i < ${count}; i++) props.setProperty('key' + i, value);`;

  it('refuses a write that takes a store past 500 KB, keys included, and keeps what it had', () => {
    const rt = runtime();
    rt.run(fill('getUserProperties', 56));
    expect(() => rt.run(fill('getUserProperties', 57))).toThrow(STORE_FULL);
    expect(rt.properties._user.getKeys()).toHaveLength(56);
  });

  it('writes all of setProperties or nothing', () => {
    const rt = runtime();
    rt.run(fill('getScriptProperties', 56));
    expect(() =>
      rt.run(
        "PropertiesService.getScriptProperties().setProperties({ a: '1', b: new Array(9000).join('y') });",
      ),
    ).toThrow(STORE_FULL);
    expect(rt.properties._script.getProperty('a')).toBeNull();
  });

  it('counts each store apart: another store is not full because one is', () => {
    const rt = runtime();
    rt.run(fill('getScriptProperties', 56));
    expect(() => rt.run(fill('getDocumentProperties', 56))).not.toThrow();
  });
});

describe('propertyBytes', () => {
  it('reports the bytes of the script store, each user’s and each spreadsheet’s, and the total', () => {
    const rt = runtime();
    const other = rt.addSpreadsheet({ owner: 'ann@example.com' });
    rt.run("PropertiesService.getScriptProperties().setProperty('ab', 'cd');");
    rt.run("PropertiesService.getDocumentProperties().setProperty('k', '线');");
    rt.as('ann@example.com').run(
      "PropertiesService.getUserProperties().setProperty('me', 'x'); PropertiesService.getDocumentProperties().setProperty('id', '12');",
      { spreadsheet: other },
    );
    expect(rt.propertyBytes()).toEqual({
      script: 4,
      user: { 'ann@example.com': 3 },
      document: { [rt.spreadsheet.getId()]: 4, [other.id]: 4 },
      total: 15,
    });
  });
});
