/** `tickets check` finds duplicate tickets across the files it checks, as the editor does across the workspace. */
import { strict as assert } from 'node:assert';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realDump, runCli, tempDir } from './runCli';

interface Report {
	files: { file: string; findings: { line: number; code: string; severity: string; message: string }[] }[];
}

describe('tickets check: duplicates across files', () => {
	it('reports an exact copy in another part on both tickets, and a near copy', () => {
		const dir = tempDir();
		try {
			copyFileSync(realDump, join(dir.path, 'part40.txt'));
			const lines = readFileSync(realDump, 'utf8').split('\n');
			const ticket = lines.slice(6, 60).join('\n');
			// A near copy: the same ticket with one more customer turn.
			const near = `${ticket.replace(/\n---$/, '')}\n\n**客户**：好的，我再试试分片上传。\n\n---`;
			writeFileSync(join(dir.path, 'part41.md'), `# 技术支持工单数据 - Part 41\n\n本文档包含 2 个结构化技术支持问答记录\n\n---\n\n${ticket}\n\n${near}\n`);
			const report = JSON.parse(runCli(['check', '-f', 'json', '.'], { cwd: dir.path }).stdout) as Report;
			const of = (file: string, code: string) =>
				report.files
					.find((f) => f.file === file)!
					.findings.filter((f) => f.code === code)
					.map((f) => f.line);
			assert.deepEqual(of('part40.txt', 'duplicate-ticket'), [7]);
			assert.deepEqual(of('part41.md', 'duplicate-ticket'), [7]);
			assert.ok(of('part41.md', 'near-duplicate').includes(62), JSON.stringify(report.files[0].findings.filter((f) => f.code.includes('dup'))));
			// The same dump alone has none.
			const alone = JSON.parse(runCli(['check', '-f', 'json', 'part40.txt'], { cwd: dir.path }).stdout) as Report;
			assert.deepEqual(
				alone.files[0].findings.filter((f) => /duplicate-ticket|near-duplicate/.test(f.code)),
				[],
			);
			// And stats counts them with the other findings.
			const stats = JSON.parse(runCli(['stats', '--json', '.'], { cwd: dir.path }).stdout) as { findings: { code: string; count: number }[] };
			assert.equal(stats.findings.find((f) => f.code === 'duplicate-ticket')?.count, 2);
		} finally {
			dir.remove();
		}
	});
});
