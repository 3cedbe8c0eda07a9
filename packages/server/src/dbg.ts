import { readFileSync } from 'node:fs';
import { oc4idsDir, packageValidator } from './modules/oc4ids/validate-package.js';
const dir = oc4idsDir()!;
console.log(dir);
const v = packageValidator(dir);
console.log(v(JSON.parse(readFileSync(dir + '/examples/example.json', 'utf8'))));
