// Uses lodash, dayjs (with plugins), uuid, semver and zod; everything printed is
// deterministic so the output can be compared between node and skua.
'use strict';
const _ = require('lodash');
const dayjs = require('dayjs');
const utc = require('dayjs/plugin/utc');
const timezone = require('dayjs/plugin/timezone');
const relativeTime = require('dayjs/plugin/relativeTime');
const duration = require('dayjs/plugin/duration');
const uuid = require('uuid');
const semver = require('semver');
const { z } = require('zod');

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(relativeTime);
dayjs.extend(duration);

const show = (label, value) => console.log(label.padEnd(22), JSON.stringify(value));

// lodash
const people = [
  { name: 'ada', age: 36, team: 'core' }, { name: 'brendan', age: 29, team: 'web' },
  { name: 'grace', age: 45, team: 'core' }, { name: 'linus', age: 29, team: 'kernel' },
];
show('groupBy', _.groupBy(people, 'team'));
show('orderBy', _.orderBy(people, ['age', 'name'], ['desc', 'asc']).map((p) => p.name));
show('chain', _.chain(people).filter((p) => p.age < 40).map('name').sortBy().value());
show('merge', _.merge({ a: { b: 1, c: [1] } }, { a: { d: 2, c: [undefined, 2] } }));
show('template', _.template('Hello <%= name %>, you are <%- age %>!')({ name: 'ada', age: '<36>' }));
show('cloneDeep/isEqual', _.isEqual(_.cloneDeep({ m: new Map([[1, { x: 1 }]]) }), { m: new Map([[1, { x: 1 }]]) }));
show('words/camel/kebab', [_.words('fooBar baz-qux'), _.camelCase('Foo Bar'), _.kebabCase('fooBarBaz')]);
show('chunk/zip/range', [_.chunk([1, 2, 3, 4, 5], 2), _.zip(['a', 'b'], [1, 2]), _.range(0, 10, 3)]);
show('get/set', (() => { const o = {}; _.set(o, 'a[0].b.c', 4); return [o, _.get(o, 'a.0.b.c')]; })());
const memo = _.memoize((n) => n * n);
show('memoize', [memo(4), memo.cache.has(4)]);
show('debounce type', typeof _.debounce(() => {}, 10).cancel);

// dayjs (fixed instants, UTC, so the host's timezone does not matter)
const t = dayjs.utc('2024-02-28T22:30:15.123Z');
show('format', t.format('YYYY-MM-DD HH:mm:ss.SSS [UTC] dddd MMM'));
show('add/startOf', [t.add(1, 'day').format('YYYY-MM-DD'), t.add(2, 'day').format('YYYY-MM-DD'), t.startOf('month').toISOString()]);
show('diff', [t.diff(dayjs.utc('2024-01-01'), 'day'), t.diff(dayjs.utc('2023-02-28T22:30:15.123Z'), 'year', true)]);
show('tz', t.tz('Asia/Tokyo').format('YYYY-MM-DD HH:mm Z'));
show('tz NY', t.tz('America/New_York').format('YYYY-MM-DD HH:mm Z'));
show('from', t.from(t.add(3, 'hour')));
show('duration', dayjs.duration(93784, 'seconds').format('D[d] HH:mm:ss'));
show('isValid', [dayjs('not a date').isValid(), dayjs('2024-13-45').isValid()]);
show('unix/valueOf', [t.unix(), t.valueOf()]);

// uuid
show('v5', uuid.v5('skua.example', uuid.v5.DNS));
show('v3', uuid.v3('skua.example', uuid.v3.URL));
const v4 = uuid.v4();
show('v4 valid', [uuid.validate(v4), uuid.version(v4), v4.length]);
show('parse/stringify', uuid.stringify(uuid.parse('6ba7b810-9dad-11d1-80b4-00c04fd430c8')));
show('v1 version', uuid.version(uuid.v1()));
show('NIL', [uuid.NIL, uuid.validate('nope')]);

// semver
show('satisfies', ['1.2.3', '2.0.0-beta.1', '2.0.0'].map((v) => semver.satisfies(v, '^1.0.0 || >=2.0.0')));
show('maxSatisfying', semver.maxSatisfying(['1.2.3', '1.4.0', '2.0.0', '1.4.1-rc.1'], '~1.4.0'));
show('sort', semver.sort(['1.10.0', '1.2.0', '1.2.0-alpha', '0.9.9']));
show('inc', [semver.inc('1.2.3', 'minor'), semver.inc('1.2.3-rc.1', 'prerelease', 'rc'), semver.inc('1.2.3', 'premajor', 'beta')]);
show('coerce/clean', [semver.coerce('v3.4 final').version, semver.clean('  =v1.2.3  ')]);
show('validRange', [semver.validRange('1.x || >=2.5.0 <3'), semver.validRange('nonsense')]);
show('diff/compare', [semver.diff('1.2.3', '1.3.0'), semver.compare('2.0.0', '10.0.0'), semver.gt('1.0.0', '1.0.0-rc')]);

// zod
const User = z.object({
  name: z.string().min(2),
  email: z.string().email(),
  age: z.number().int().positive().optional(),
  roles: z.array(z.enum(['admin', 'user'])).default(['user']),
  joined: z.coerce.date(),
}).strict();
show('zod ok', User.parse({ name: 'ada', email: 'ada@example.com', joined: '2024-01-02T00:00:00Z' }));
const bad = User.safeParse({ name: 'a', email: 'nope', age: -1.5, roles: ['root'], extra: 1, joined: 'x' });
show('zod issues', bad.error.issues.map((i) => [i.path.join('.'), i.code]));
show('zod flatten', Object.keys(bad.error.flatten().fieldErrors).sort());
const Shape = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('circle'), r: z.number() }),
  z.object({ kind: z.literal('rect'), w: z.number(), h: z.number() }),
]).transform((s) => (s.kind === 'circle' ? Math.PI * s.r ** 2 : s.w * s.h));
show('zod transform', [Shape.parse({ kind: 'circle', r: 1 }).toFixed(4), Shape.parse({ kind: 'rect', w: 2, h: 3 })]);
show('zod refine', z.string().refine((s) => s === s.toUpperCase(), 'shout').safeParse('quiet').error.issues[0].message);
z.promise(z.number()).parseAsync(Promise.resolve(7)).then((v) => show('zod async', v));
