/** The strings and numbers malformed input is made of. */

export const SQL = [
  "' OR '1'='1",
  "1; DROP TABLE projects; --",
  "530302' --",
  "%' AND 1=1 --",
  "'); select pg_sleep(10); --",
  '$$ language plpgsql $$',
  "E'\\x00'",
  '\\',
  "' UNION SELECT password_hash FROM users --",
  '1 OR 1=1',
];

export const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}', '${7*7}'];

export const TRAVERSAL = ['../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2f', '....//....//etc/passwd', '/etc/passwd', '..\\..\\windows\\win.ini', '%00', '.', '..'];

export const UNICODE = [
  '\u202e\u0645\u0634\u0631\u0648\u0639', // right-to-left override
  'a\u200b\u200c\u200d\ufeffb', // zero-width characters and a BOM
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '𠀀𠀁𪚥🏗️👷‍♀️', // astral plane, ZWJ sequence
  '１２３４５６', // full-width digits
  '٥٣٠٣٠٢', // Arabic-Indic digits
  'ab\u2028cd\u2029', // line and paragraph separators
  '\u0000', // NUL
  'x\ud800y', // an unpaired surrogate
  'Ⅻ½²', // numeric-looking letters
  '\u0130\u0131ß', // case-mapping oddities
  '😀'.repeat(300),
];

export const PAYLOADS = [...SQL, ...HTML, ...TRAVERSAL, ...UNICODE];

/** Raw JSON number literals that are no safe number: JSON.parse turns some into Infinity or lost precision. */
export const RAW_NUMBERS = ['1e400', '-1e400', '123456789012345678901234567890', '9007199254740993', '-0', '1E-400', '0.1e1000'];

export const NUMBERS = [-1, 0, 1.5, -0.000001, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 4294967296];

/** Accept-Language values a browser would never send. */
export const LANGUAGES = ['zh;q=abc', '*', 'xx-YY', ',,,', 'en;q=0.5, zh;q=1.5', 'zh-Hans-CN-x-private', '\u00e9', ''];

/** Bodies that are not JSON, or not what the route takes. */
export const BROKEN_JSON = [
  '{"version": 1,',
  '{"a": 1,}',
  "{'single': 'quotes'}",
  '{"a": NaN}',
  '{"a": undefined}',
  '\ufeff{"a": 1}',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  '[' .repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
  'null null',
  '',
];

export const CONTENT_TYPES = ['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/jsonx', 'application/csp-report'];
