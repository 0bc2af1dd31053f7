// `npm run generate`: writes the rule catalog (server/src/service/rules/catalog.ts) into the files
// that repeat it: package.json's settings, package.nls*.json, the configuration schema and the
// README's rule table (scripts/ruleOutputs.ts). CI runs it and fails when a file changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/service/index';
import { ruleOutputs } from './ruleOutputs';

const root = join(__dirname, '..');
const files = ruleOutputs(root);
let written = 0;
for (const file of files) {
	const path = join(root, file.path);
	if (readFileSync(path, 'utf8') === file.text) continue;
	writeFileSync(path, file.text);
	console.log(`${file.path}: written`);
	written++;
}
console.log(`${rules.length} rules; ${written} of ${files.length} generated files changed`);
