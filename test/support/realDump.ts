/**
 * Every diagnostic the real dump (test/fixtures/corpus/000_8bbabfb939ae27d4.txt) gets with the
 * default settings, and why each is right. Shared by the service test and the server test.
 */
import type { Expected } from './fixtures';

export interface ExplainedFinding {
	readonly expected: Expected;
	readonly why: string;
}

const duplicate = (line: number, why: string): ExplainedFinding => ({ expected: ['duplicate-title', 'hint', line], why });

export const realDumpFindings: readonly ExplainedFinding[] = [
	duplicate(595, '账号注销 (account closing): also the title of the ticket on line 3895, another customer ("不想用了" vs "有阿里云")'),
	duplicate(883, '免费 from 自动催单: a title the reminder bot writes; four tickets carry it (883, 1015, 1043, 1485), each another case'),
	duplicate(1015, '免费 from 自动催单, second of four ("域名检测环节" stuck)'),
	duplicate(1043, '免费 from 自动催单, third of four (free certificate application stuck, no staff answer)'),
	duplicate(1093, '域名所有权验证: also line 2299; one is a CDN｜访问下载 ticket, the other CDN｜配置问题 about TXT records'),
	duplicate(1485, '免费 from 自动催单, fourth of four (same complaint as 1043, but nine staff answers: another ticket)'),
	duplicate(2299, '域名所有权验证, second of two'),
	duplicate(3895, '账号注销, second of two'),
];
