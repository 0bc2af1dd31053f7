/**
 * The extensionTestsPath module: the extension host require()s it and awaits run(). Runs every
 * *.test.js next to it with mocha, in name order; rejects when a test fails (exit code 1).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
	// E2E_GREP runs only the tests whose names match (a quick run of one feature's tests).
	const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 60_000, grep: process.env.E2E_GREP || undefined });
	for (const file of fs
		.readdirSync(__dirname)
		.filter((f) => f.endsWith('.test.js'))
		.sort()) {
		mocha.addFile(path.join(__dirname, file));
	}
	return new Promise((resolve, reject) => {
		mocha.run((failures) => (failures ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
	});
}
