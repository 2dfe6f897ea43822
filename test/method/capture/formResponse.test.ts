// Google Form responses as lead fields, question titles matched like Leads headers.

import { fieldsOfResponse, postedFieldsIn } from '../../../src/method/capture/formResponse';

describe('fieldsOfResponse', () => {
  it('matches English and Chinese question titles, trimmed and in any case', () => {
    expect(
      fieldsOfResponse({
        Timestamp: ['2024/05/10 10:00:00'],
        ' contact ': ['Ann'],
        'PHONE / WECHAT': ['13800138000'],
        公司名称: ['某公司'],
        预算范围: ['50万'],
      }),
    ).toEqual({ contact: 'Ann', phone: '13800138000', company: '某公司', budget: '50万' });
  });

  it('joins several answers of one question and leaves out unknown questions', () => {
    expect(fieldsOfResponse({ Need: ['A', ' ', 'B'], Colour: ['red'] })).toEqual({ need: 'A, B' });
  });

  it('reads nothing from no response', () => {
    expect(fieldsOfResponse(undefined)).toEqual({});
  });
});

describe('postedFieldsIn', () => {
  it('finds the lead fields of a response tab header', () => {
    expect(postedFieldsIn(['时间戳记', '联系人', '联系方式'])).toEqual({ contact: 1, phone: 2 });
  });
});
