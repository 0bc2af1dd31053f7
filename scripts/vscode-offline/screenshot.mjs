// Screenshots of the extension in a real VS Code workbench (code-server + headless Debian chromium), for
// the README. The extension (this checkout, built with `npm run build`) is loaded as a development
// extension into a fresh copy of the e2e fixture workspace (the real dump and a plain README.md).
//
// usage: node scripts/vscode-offline/screenshot.mjs [shot…]       (default: every shot; --list names them)
// env:   SCREENSHOT_DIR (default docs/images), TICKET_CURATOR_VSCODE_CACHE (see paths.mjs)
// exit:  0 all shots saved, 1 a shot failed (its <name>-error.png is kept in the run dir), 2 harness error
//
// A shot is an async function of a Workbench (below) in `shots`; add one to show a new feature, e.g.
//   async tickets(ui) { await ui.runCommand('Tickets: Focus on Tickets View'); await ui.waitForRow(ui.pane('Tickets'), 'CDN'); await ui.save('tickets.png'); }
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, newRunDir, onInterrupt, paths, startCodeServer } from './workbench.mjs';

const dump = '000_8bbabfb939ae27d4.txt';
const firstTicket = '一直返回同一个uploadId';

const shots = {
	/** The dump open in the editor, with our Outline (file title → tickets → sections) in the Explorer. */
	async outline(ui) {
		await ui.openFile(dump);
		await ui.collapsePane(ui.folderName); // the Outline gets the Explorer's full height
		const outline = await ui.expandPane('Outline');
		await ui.waitForRow(outline, firstTicket);
		await ui.clickRow(outline, firstTicket);
		await ui.waitForCursorLine(7); // the ticket's title line
		await ui.waitForRow(outline, '完整对话记录');
		await ui.save('outline.png');
	},

	/**
	 * The Tickets view (product → subcategory → ticket, with counts) and, under it in the same side bar,
	 * the Outline of the dump; a ticket clicked in the tree is open in the editor with its title selected.
	 */
	async tree(ui) {
		await ui.openFile(dump);
		await ui.moveView('Outline', 'Tickets'); // the editor has the focus, so the command asks which view
		await ui.runCommand('Tickets: Focus on Tickets View');
		const tickets = ui.pane('Tickets');
		await ui.waitForRow(tickets, 'CDN (54)');
		const outline = await ui.expandPane('Outline');
		await ui.waitForRow(outline, '完整对话记录');
		await ui.clickRow(tickets, '配置问题 (17)');
		const ticket = 'https降级';
		await ui.clickRow(tickets, ticket);
		// Its title line, the title selected (the status bar says how many characters).
		await ui.page.locator('.statusbar-item', { hasText: /Ln 661, Col \d+ \(\d+ selected\)/ }).waitFor();
		console.log(`tree rows: ${(await ui.rowTexts(tickets)).slice(0, 6).join(' | ')}`);
		await ui.save('tree.png');
	},

	/**
	 * "Find Similar Tickets" on one of the dump's automatic certificate reminders: the quick pick ranks
	 * the other three first (title, category, score, matched terms), the active row previewed behind it.
	 */
	async similar(ui) {
		await ui.openFile(dump);
		// The command is offered once the dump is recognised (its language shown in the status bar).
		await ui.page
			.locator('.statusbar-item', { hasText: /^\s*Ticket Dump\s*$/i })
			.first()
			.waitFor();
		const input = ui.page.locator('.quick-input-widget .quick-input-box input');
		await ui.page.keyboard.press('Control+G');
		await input.waitFor({ state: 'visible' });
		await ui.page.keyboard.type('1047');
		await ui.page.keyboard.press('Enter');
		await ui.waitForCursorLine(1047);
		await ui.page.keyboard.press('F1');
		await input.waitFor({ state: 'visible' });
		await ui.page.keyboard.type('Tickets: Find Similar Tickets');
		await ui.waitForRow(ui.page.locator('.quick-input-list'), 'Find Similar Tickets');
		await ui.page.keyboard.press('Enter');
		await ui.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Similar Tickets' }).waitFor();
		const list = ui.page.locator('.quick-input-list');
		await list.locator('.monaco-list-row', { hasText: 'score' }).first().waitFor();
		console.log(`similar rows: ${(await ui.rowTexts(list)).slice(0, 4).join(' | ')}`);
		await ui.save('similar.png');
	},

	/** *Tickets: Show Overview*: the webview's charts of the workspace (tickets per product and category, with tables). */
	async overview(ui) {
		await ui.openFile(dump);
		await ui.runCommand('Tickets: Focus on Tickets View');
		await ui.waitForRow(ui.pane('Tickets'), 'CDN (54)');
		await ui.runCommand('Tickets: Show Overview');
		// The page lives two iframes down (VS Code's webview host, then its content frame).
		const page = ui.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
		await page.locator('#chart-products svg').first().waitFor();
		await page.locator('#chart-categories svg').first().waitFor();
		await ui.save('overview.png');
	},
};

/** What a shot can do with the workbench. Everything waits on the DOM, never on the clock. */
class Workbench {
	constructor(page, outDir, folderName) {
		this.page = page;
		this.outDir = outDir;
		/** The workspace folder's name, which is also the title of the Explorer's file pane. */
		this.folderName = folderName;
	}

	/** A view pane (header + body) by its header title, e.g. 'Outline', 'Tickets', ui.folderName. */
	pane(title) {
		return this.page.locator('.split-view-view .pane', {
			has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }),
		});
	}

	async expandPane(title) {
		const header = this.pane(title).locator('.pane-header');
		await header.waitFor();
		if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
		await this.page.waitForFunction((h) => h.getAttribute('aria-expanded') === 'true', await header.elementHandle());
		return this.pane(title);
	}

	async collapsePane(title) {
		const header = this.pane(title).locator('.pane-header');
		await header.waitFor();
		if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
	}

	/** Waits until a list/tree row containing `text` is shown in `scope` (a pane, the quick pick…). */
	async waitForRow(scope, text) {
		const row = scope.locator('.monaco-list-row', { hasText: text }).first();
		await row.waitFor();
		return row;
	}

	async clickRow(scope, text) {
		await (await this.waitForRow(scope, text)).click();
	}

	/** Waits until the status bar shows the cursor on `line` (1-based). */
	async waitForCursorLine(line) {
		await this.page.locator('.statusbar-item', { hasText: new RegExp(`^\\s*Ln ${line}, Col`) }).waitFor();
	}

	/** The rows' text of a pane, for logging what a shot shows. */
	rowTexts(scope) {
		return scope.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
	}

	/** Opens a workspace file through Quick Open and waits for its editor tab. */
	async openFile(name) {
		await this.quickInput('Control+P', name, name);
		await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
		await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
	}

	/** Moves a view (e.g. 'Outline') into a view container (e.g. 'Tickets') with 'View: Move View'. */
	async moveView(view, container) {
		await this.page.keyboard.press('F1');
		const input = this.page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ state: 'visible' });
		const list = this.page.locator('.quick-input-list');
		/** The row whose label is exactly `label` (not one that merely contains it). */
		const row = (label) => list.locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
		await this.page.keyboard.type('View: Move View');
		await row('View: Move View').click();
		for (const pick of [view, container]) {
			await input.fill(pick);
			await row(pick).click();
		}
		await input.waitFor({ state: 'hidden' });
	}

	/** Runs a command from the palette by its title as shown there (e.g. 'View: Toggle Minimap'). */
	async runCommand(title) {
		await this.quickInput('F1', title, title);
	}

	/** Opens a quick input with `key`, types `text`, picks the row showing `pick`. */
	async quickInput(key, text, pick) {
		await this.page.keyboard.press(key);
		const input = this.page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ state: 'visible' });
		await this.page.keyboard.type(text);
		await this.waitForRow(this.page.locator('.quick-input-list'), pick);
		await this.page.keyboard.press('Enter');
		await input.waitFor({ state: 'hidden' });
	}

	async save(file, dir = this.outDir) {
		const out = path.join(dir, file);
		await this.page.screenshot({ path: out });
		console.log(`saved ${path.relative(process.cwd(), out)}`);
	}
}

/** A fresh copy of the e2e fixture workspace, in a folder whose name reads well in the Explorer. */
function fixtureWorkspace() {
	const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ticket-curator-shots-')), 'support-tickets');
	fs.cpSync(path.join(paths.projectRoot, 'test/e2e/workspace'), dir, { recursive: true });
	fs.copyFileSync(path.join(paths.projectRoot, 'test/fixtures/corpus', dump), path.join(dir, dump));
	return dir;
}

const wanted = process.argv.slice(2);
if (wanted.includes('--list')) {
	console.log(Object.keys(shots).join('\n'));
	process.exit(0);
}
const unknown = wanted.filter((name) => !(name in shots));
if (unknown.length) {
	console.error(`unknown shot(s): ${unknown.join(', ')}; known: ${Object.keys(shots).join(', ')}`);
	process.exit(2);
}
if (!fs.existsSync(path.join(paths.projectRoot, 'dist/client.js'))) {
	console.error('dist/client.js is missing: run `npm run build` first');
	process.exit(2);
}
const outDir = path.resolve(process.env.SCREENSHOT_DIR || path.join(paths.projectRoot, 'docs/images'));
fs.mkdirSync(outDir, { recursive: true });

const workspace = fixtureWorkspace();
const runDir = newRunDir('shots');
let server;
let browser;
const cleanup = async () => {
	await browser?.close().catch(() => undefined);
	await server?.stop();
	fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
};
onInterrupt(cleanup);

let exitCode = 0;
try {
	server = await startCodeServer({ folder: workspace, runDir });
	browser = await launchBrowser(runDir);
	browser.setDefaultTimeout(60_000);
	const page = browser.pages()[0] ?? (await browser.newPage());
	page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
	// Each shot gets a freshly loaded workbench, so shots do not depend on one another.
	for (const name of wanted.length ? wanted : Object.keys(shots)) {
		await page.goto(server.url({ extensionDevelopmentPaths: [paths.projectRoot] }));
		await page.locator('.explorer-folders-view .monaco-list-row', { hasText: dump }).waitFor();
		const ui = new Workbench(page, outDir, path.basename(workspace));
		try {
			await shots[name](ui);
		} catch (e) {
			exitCode = 1;
			console.log(`shot ${name} FAILED: ${e.message}`);
			await ui.save(`${name}-error.png`, runDir).catch(() => undefined);
		}
	}
} catch (e) {
	console.log(`HARNESS ERROR: ${e?.stack ?? e}`);
	exitCode = 2;
} finally {
	await cleanup();
	if (exitCode === 0) fs.rmSync(runDir, { recursive: true, force: true });
	else console.log(`kept for a post-mortem: ${runDir}`);
}
process.exit(exitCode);
