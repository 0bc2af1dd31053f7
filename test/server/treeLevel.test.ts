/**
 * The Tickets tree's levels on the real dump (workspace/ticketTreeLevels.ts): the summaries come from the
 * workspace index (the same code answers `tickets/list`), grouped, sorted and filtered as
 * `tickets/tree` answers them; and the client's reading of them (client/src/tree/treeModel.ts): the
 * group ids it computes to reveal a ticket are the server's.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupKeys, ticketAtLine } from '../../client/src/tree/treeModel';
import { treeGroupId, treeTicketId, type TicketSummary, type TicketTreeParams, type TreeGroupData, type TreeTicketData } from '../../common/protocol';
import { createTicketService, resolveConfig } from '../../server/src/service/index';
import { ProblemTable } from '../../server/src/workspace/problemTable';
import { treeLevel, type TreeNames } from '../../server/src/workspace/ticketTreeLevels';
import { labelReview, suspectGroups } from '../../server/src/workspace/labelReview';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';

const dump = readFileSync(join(__dirname, '..', 'fixtures', 'corpus', '000_8bbabfb939ae27d4.txt'), 'utf8');
const dumpUri = 'file:///work/dumps/part40.txt';
const otherUri = 'file:///work/dumps/part41.md';
/** A second, small dump: three real tickets, one of them without its category line and root cause. */
const realTickets = dump.split(/^(?=## )/m).slice(1);
const damaged = realTickets[2].replace(/^\*\*问题分类\*\*.*\n/m, '').replace(/(### 根本原因分析\n\n).*\n/, '$1');
const other = `# 技术支持工单数据 - Part 41\n\n本文档包含 3 个结构化技术支持问答记录\n\n---\n\n${realTickets[0]}${realTickets[1]}${damaged}`;

function summaries(): TicketSummary[] {
	const index = new WorkspaceIndex(createTicketService());
	index.setFile(dumpUri, dump);
	index.setFile(otherUri, other);
	return index.tickets();
}

const names = {
	product: '(no category)',
	subcategory: '(no subcategory)',
	rootCause: '(no root cause)',
	file: (uri: string) => uri.slice(uri.lastIndexOf('/') + 1),
};

interface Group extends TreeGroupData {
	readonly parent?: Group;
	readonly children: Node[];
}
interface Ticket extends TreeTicketData {
	readonly parent?: Group;
}
type Node = Group | Ticket;

/** Every level, each group's children asked as the client asks when it expands it. */
function buildTree(
	tickets: readonly TicketSummary[],
	options: Partial<TicketTreeParams> = {},
	problems = new ProblemTable(),
	treeNames: TreeNames = names,
): Group[] {
	const params: TicketTreeParams = { grouping: 'category', sorting: 'count', ...options };
	const expand = (parent?: Group): Node[] =>
		treeLevel(tickets, { ...params, parent: parent?.id }, problems, treeNames).nodes.map((n) => {
			if (n.kind === 'ticket') return { ...n, parent };
			const group: Group = { ...n, parent, children: [] };
			group.children.push(...expand(group));
			return group;
		});
	return expand() as Group[];
}

function* ticketNodes(nodes: readonly Node[]): Generator<Ticket> {
	for (const node of nodes) {
		if (node.kind === 'ticket') yield node;
		else yield* ticketNodes(node.children);
	}
}

const options = (change: Partial<TicketTreeParams> = {}): Partial<TicketTreeParams> => change;
type GroupNode = Group;
type TreeNode = Node;

const shape = (nodes: readonly GroupNode[]) => nodes.map((g) => [g.name, g.count]);
const realOnly = () => summaries().filter((t) => t.uri === dumpUri);

describe('Tickets tree model', () => {
	it('groups the real dump into 8 products, CDN (54) on top when sorted by count', () => {
		const roots = buildTree(realOnly(), options());
		assert.deepEqual(shape(roots).slice(0, 6), [
			['CDN', 54],
			['对象存储', 29],
			['账户与财务', 12],
			['视频监控', 7],
			['云短信', 5],
			['云主机', 3],
		]);
		// Equal counts fall back to the names' order (pinyin: zhíbō before zhìnéng).
		assert.deepEqual(shape(roots).slice(6), [
			['直播云', 2],
			['智能多媒体', 2],
		]);
		assert.equal(roots.length, 8);
		const cdn = roots[0];
		assert.deepEqual(shape(cdn.children as GroupNode[]).slice(0, 3), [
			['配置问题', 17],
			['证书问题', 15],
			['访问下载', 10],
		]);
		const categories = roots.flatMap((p) => (p.children as GroupNode[]).map((s) => `${p.name}｜${s.name}`));
		assert.equal(categories.length, 26);
		assert.equal(
			roots.reduce((n, g) => n + g.count, 0),
			114,
		);
	});

	it('holds every ticket once, in file order within its group, with parents leading back to the root', () => {
		const tickets = realOnly();
		const roots = buildTree(tickets, options());
		const leaves = [...ticketNodes(roots)];
		assert.equal(leaves.length, 114);
		assert.equal(new Set(leaves.map((n) => n.id)).size, 114);
		for (const leaf of leaves) {
			const sub = leaf.parent!;
			const product = sub.parent!;
			assert.equal(sub.name, leaf.ticket.subcategory);
			assert.equal(product.name, leaf.ticket.product);
			assert.equal(product.parent, undefined);
			assert.ok(roots.includes(product));
			assert.ok(sub.children.includes(leaf));
		}
		for (const group of roots.flatMap((p) => p.children as GroupNode[])) {
			const ordinals = group.children.map((n) => (n.kind === 'ticket' ? n.ticket.ordinal : -1));
			assert.deepEqual(
				ordinals,
				[...ordinals].sort((a, b) => a - b),
			);
			assert.equal(group.count, group.children.length);
		}
	});

	it('groups by root cause: the eight labels with their counts', () => {
		const roots = buildTree(realOnly(), options({ grouping: 'rootCause' }));
		assert.deepEqual(shape(roots), [
			['SSL/TLS证书配置问题', 40],
			['需要进一步排查具体原因', 29],
			['网络连接问题或DNS解析异常', 21],
			['配置参数错误或不当', 11],
			['认证凭证或权限配置问题', 9],
			['CDN节点或缓存问题', 2],
			['文件传输或分片处理问题', 1],
			['账户密码或登录凭证问题', 1],
		]);
		assert.ok(roots.every((g) => g.children.every((n: TreeNode) => n.kind === 'ticket')));
	});

	it('groups by file, and names what a ticket lacks', () => {
		const roots = buildTree(summaries(), options({ grouping: 'file', sorting: 'name' }));
		assert.deepEqual(shape(roots), [
			['part40.txt', 114],
			['part41.md', 3],
		]);
		assert.equal(roots[1].uri, otherUri);
		assert.deepEqual(
			roots[1].children.map((n) => (n.kind === 'ticket' ? n.ticket.ordinal : -1)),
			[0, 1, 2],
		);
		const byCategory = buildTree(summaries(), options());
		const missing = byCategory.find((g) => g.name === '(no category)');
		assert.equal(missing?.count, 1);
		assert.equal((missing?.children[0] as GroupNode).name, '(no subcategory)');
		const byCause = buildTree(summaries(), options({ grouping: 'rootCause' }));
		assert.equal(byCause.find((g) => g.name === '(no root cause)')?.count, 1);
	});

	it('sorts groups by name when asked, whatever their counts', () => {
		const roots = buildTree(realOnly(), options({ sorting: 'name' }));
		const names = roots.map((g) => g.name);
		assert.deepEqual(names, [...names].sort(new Intl.Collator(['zh-CN', 'en'], { numeric: true, sensitivity: 'base' }).compare));
		assert.deepEqual(new Set(names), new Set(buildTree(realOnly(), options()).map((g) => g.name)));
	});

	it('filters by words of the title, category, root cause or file, case-insensitively', () => {
		const byTitle = buildTree(realOnly(), options({ filter: '账号注销' }));
		const titles = [...ticketNodes(byTitle)].map((n) => n.ticket.title);
		assert.deepEqual(
			titles,
			realOnly()
				.filter((t) => t.title.includes('账号注销'))
				.map((t) => t.title),
		);
		assert.ok(titles.length >= 2);

		const byCause = buildTree(realOnly(), options({ filter: 'ssl/tls证书配置问题' }));
		assert.equal([...ticketNodes(byCause)].length, 40);

		const twoWords = buildTree(realOnly(), options({ filter: 'cdn  证书问题' }));
		assert.deepEqual(shape(twoWords), [['CDN', 15]]);

		const byFile = buildTree(summaries(), options({ filter: 'PART41', grouping: 'file' }));
		assert.deepEqual(shape(byFile), [['part41.md', 3]]);

		assert.deepEqual(buildTree(realOnly(), options({ filter: 'no ticket says this' })), []);
	});

	it('groups the label suspects by given → suggested label, leaving the other tickets out', () => {
		const tickets = createTicketService()
			.parse({ uri: dumpUri, version: 1, getText: () => dump })
			.tickets();
		const suspects = suspectGroups(labelReview([{ uri: dumpUri, tickets }], resolveConfig(undefined)), '(none)');
		assert.equal(suspects.size, 41, '36 root causes and 5 products, each of another ticket');
		const roots = buildTree(realOnly(), { grouping: 'labelSuspects' }, new ProblemTable(), { ...names, suspects });
		const shown = [...ticketNodes(roots)];
		assert.equal(shown.length, suspects.size);
		assert.deepEqual([roots[0].name, roots[0].count, roots[0].level], ['SSL/TLS证书配置问题 → 需要进一步排查具体原因', 9, 'suspect']);
		const invoice = shown.find((n) => n.ticket.title === '开发票')!;
		assert.equal(invoice.parent!.name, 'SSL/TLS证书配置问题 → 需要进一步排查具体原因');
		assert.deepEqual(buildTree(realOnly(), { grouping: 'labelSuspects' }), [], 'no suspects known: no ticket');
		assert.equal(groupKeys(invoice.ticket, 'labelSuspects'), undefined, 'only the server knows these groups');
	});

	it('gives each ticket the group ids the client computes from its summary to reveal it', () => {
		for (const grouping of ['category', 'rootCause', 'file'] as const) {
			const roots = buildTree(summaries(), { grouping });
			for (const leaf of ticketNodes(roots)) {
				const keys = groupKeys(leaf.ticket, grouping)!;
				const path: string[] = [];
				for (let g = leaf.parent; g; g = g.parent) path.unshift(g.id);
				assert.deepEqual(
					path,
					keys.map((_, i) => treeGroupId(grouping, keys.slice(0, i + 1))),
				);
				assert.equal(leaf.id, treeTicketId(leaf.ticket));
			}
		}
	});

	it('finds the ticket a line belongs to: none in the header, the ticket from its title to the next title', () => {
		const tickets = realOnly();
		assert.equal(ticketAtLine(tickets, 0), undefined);
		assert.equal(ticketAtLine(tickets, tickets[0].titleRange.start.line - 1), undefined);
		assert.equal(ticketAtLine(tickets, tickets[0].titleRange.start.line), tickets[0]);
		assert.equal(ticketAtLine(tickets, tickets[1].titleRange.start.line - 1), tickets[0]);
		assert.equal(ticketAtLine(tickets, tickets[57].range.end.line), tickets[57]);
		assert.equal(ticketAtLine(tickets, 1_000_000), tickets[113]);
	});
});
