import { area, Registry, Shape, Unit } from './shapes';

const shapes: Shape[] = [{ kind: 'circle', r: 1 }, { kind: 'rect', w: 2, h: 3 }];
const reg = new Registry<{ id: string; shape: Shape }>();
shapes.forEach((shape, i) => reg.add({ id: `s${i}`, shape }));
for (const s of shapes) console.log(s.kind, area(s).toFixed(3), Unit.Cm);
console.log('ids', reg.ids().join(','), 'size', reg.size);
async function later(): Promise<string> { return 'async ok'; }
later().then(console.log);
