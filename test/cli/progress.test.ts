/** The progress bar: only on a terminal, only once the work has run a while, cleared at the end. */
import { strict as assert } from 'node:assert';
import { createProgress } from '../../server/src/cli/progress';

function fakeTerminal(isTTY: boolean, columns = 100) {
	const written: string[] = [];
	return { isTTY, columns, written, write: (t: string) => written.push(t) };
}

describe('progress bar', () => {
	it('stays silent for quick work and draws, throttled, once the work takes long', () => {
		const term = fakeTerminal(true);
		let now = 0;
		const progress = createProgress(term, 10, () => now);
		progress.tick('a.md');
		now = 100;
		progress.tick('b.md');
		assert.deepEqual(term.written, []);
		now = 500;
		progress.tick('c.md');
		assert.equal(term.written.length, 1);
		assert.equal(term.written[0], `\r\x1b[2K[${'#'.repeat(9)}${'.'.repeat(21)}] 3/10 c.md`);
		now = 520;
		progress.tick('d.md');
		assert.equal(term.written.length, 1, 'redrawn at most every 80 ms');
		progress.done();
		assert.equal(term.written[term.written.length - 1], '\r\x1b[2K');
	});

	it('writes nothing when standard error is no terminal', () => {
		const pipe = fakeTerminal(false);
		let now = 0;
		const progress = createProgress(pipe, 10, () => now);
		for (let i = 0; i < 10; i++) {
			now += 1000;
			progress.tick(`${i}.md`);
		}
		progress.done();
		assert.deepEqual(pipe.written, []);
	});

	it('shortens long names from the left to fit the terminal', () => {
		const term = fakeTerminal(true, 60);
		let now = 0;
		const progress = createProgress(term, 4, () => now);
		now = 1000;
		progress.tick(`dumps/${'x'.repeat(100)}/part-01.md`);
		const line = term.written[0].slice('\r\x1b[2K'.length);
		assert.equal(line.length, 59);
		assert.match(line, /…x+\/part-01\.md$/);
	});
});

describe('progress by tickets', () => {
	it('shows the tickets of the file being worked on, on a terminal, for one file too', () => {
		const term = fakeTerminal(true);
		let now = 0;
		const progress = createProgress(term, 1, () => now);
		progress.tick('big.md');
		progress.tickets(8, 400);
		assert.deepEqual(term.written, [], 'nothing in the first 400 ms');
		now = 500;
		progress.tickets(200, 400);
		assert.deepEqual(term.written, ['\r\x1b[2Kbig.md  200/400 tickets']);
		progress.done();
		assert.equal(term.written[term.written.length - 1], '\r\x1b[2K');
	});

	it('with --progress and no terminal: one plain line per tenth of the tickets, whatever the time', () => {
		const pipe = fakeTerminal(false);
		const progress = createProgress(pipe, 2, () => 0, true);
		progress.tick('a.md');
		for (let done = 8; done < 100; done += 8) progress.tickets(done, 100);
		progress.tickets(100, 100);
		progress.tick('b.md');
		progress.tickets(2, 2);
		progress.done();
		assert.deepEqual(pipe.written, [
			'[1/2] a.md: 8/100 tickets\n',
			'[1/2] a.md: 16/100 tickets\n',
			'[1/2] a.md: 24/100 tickets\n',
			'[1/2] a.md: 32/100 tickets\n',
			'[1/2] a.md: 40/100 tickets\n',
			'[1/2] a.md: 56/100 tickets\n',
			'[1/2] a.md: 64/100 tickets\n',
			'[1/2] a.md: 72/100 tickets\n',
			'[1/2] a.md: 80/100 tickets\n',
			'[1/2] a.md: 96/100 tickets\n',
			'[1/2] a.md: 100/100 tickets\n',
			'[2/2] b.md: 2/2 tickets\n',
		]);
	});
});
