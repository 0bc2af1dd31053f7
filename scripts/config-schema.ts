// Writes the rule codes of the catalog into schemas/ticketcurator.schema.json (completion and
// descriptions for `rules` in .ticketcurator.json). Run after adding a rule:
//   npx tsx scripts/config-schema.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../server/src/service/rules/catalog';

const path = join(__dirname, '..', 'schemas', 'ticketcurator.schema.json');
const schema = JSON.parse(readFileSync(path, 'utf8'));
const severity = schema.properties.rules.additionalProperties;
schema.properties.rules.properties = Object.fromEntries(rules.map((r) => [r.code, { ...severity, description: `${r.description()} (default: ${r.severity})` }]));
writeFileSync(path, `${JSON.stringify(schema, null, '\t')}\n`);
console.log(`${path}: ${rules.length} rules`);
