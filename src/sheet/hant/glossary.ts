// The reviewed business glossary: Simplified terms whose Traditional wording a Taiwan sales team
// uses, where the converter's general-purpose or IT choice reads wrong (权限 is not 許可權 here).

/**
 * Simplified term → Traditional wording, applied before the converter and kept as written. Longer
 * terms win over shorter ones where both match.
 */
export const HANT_GLOSSARY: Readonly<Record<string, string>> = {
  公海: '公海',
  线索: '線索',
  成交: '成交',
  未成交: '未成交',
  培育中: '培育中',
  跟进: '跟進',
  联系人: '聯絡人',
  联系方式: '聯絡方式',
  联系: '聯絡',
  信息: '資訊',
  权限: '權限',
  反馈: '回饋',
  邮箱: '信箱',
  质量: '品質',
  客户: '客戶',
  微信: '微信',
  群机器人: '群組機器人',
  企业微信: '企業微信',
  钉钉: '釘釘',
  触达: '觸達',
  转化: '轉化',
  展会: '展會',
  官网: '官網',
  表单: '表單',
  表格: '表格',
  旧表: '舊表',
  参数: '參數',
  跟踪: '追蹤',
  账号: '帳號',
  单元格: '儲存格',
};
