import { defineMessages } from '../core/messages.js';

/**
 * The responses template's column heads and fixed values. The English heads are the responses
 * file's own column names, so an English template reads back like any responses file; the
 * Chinese ones are what the reader also accepts.
 */
export const tm = defineMessages('fieldwork.template', {
  householdId: { zh: '户编号', en: 'household_id' },
  stratum: { zh: '抽样层', en: 'stratum' },
  role: { zh: '样本类型', en: 'role' },
  address: { zh: '地址', en: 'address' },
  visit: { zh: '走访次数', en: 'visit' },
  disposition: { zh: '访问结果', en: 'disposition' },
  interviewer: { zh: '调查员', en: 'interviewer' },
  note: { zh: '备注', en: 'note' },
  primary: { zh: '正式', en: 'primary' },
  reserve: { zh: '备用', en: 'reserve' },
  roles: { zh: '正式 / 备用', en: 'primary / reserve' },
});
