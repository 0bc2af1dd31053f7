/** Fenced code blocks as the line readers open and close them (CommonMark). */
import { strict as assert } from 'node:assert';
import { fenceCloserOf } from '../../../server/src/service/document/fences';

describe('fences', () => {
	it('opens on three or more backticks or tildes, indented up to three spaces, with any info string', () => {
		for (const line of ['```', '```js', '~~~', '~~~~ yaml', '   ```', '`````bash x']) assert.ok(fenceCloserOf(line), line);
		for (const line of ['``', '~~', '    ```', 'text ```', '``` a`b', '- ```']) assert.equal(fenceCloserOf(line), undefined, line);
	});

	it('closes on the same character, at least as many, with nothing after but blanks', () => {
		const closer = fenceCloserOf('````js')!;
		for (const line of ['````', '`````', '   ````  ', '````\t']) assert.ok(closer.test(line), line);
		for (const line of ['```', '~~~~', '```` js', '    ````']) assert.equal(closer.test(line), false, line);
		assert.ok(fenceCloserOf('~~~')!.test('~~~~'));
		assert.equal(fenceCloserOf('~~~')!.test('```'), false);
	});
});
