/**
 * Passwords in the user part of a connection string (`mysql://user:pw@host`, `redis://:pw@host`,
 * `ftp://user:pw@host`): the range is the password alone. A JDBC `password=` parameter is a
 * password after its key word (secretWords.ts).
 */
import { followedByMask } from './boundaries';
import type { Detector } from './leak';
import { isPlaceholder } from './secretValues';

const schemes = 'mysql|mariadb|postgres(?:ql)?|mongodb(?:\\+srv)?|rediss?|amqps?|ftps?|sftp|ssh|smtps?|mssql|sqlserver|oracle|clickhouse|jdbc:[a-z0-9]{2,16}';
// The password may hold `@`: it runs to the last `@` before the host.
const connection = new RegExp(`(?<![A-Za-z0-9+.-])(${schemes})://[^\\s:@/]{0,64}:([^\\s/]{1,128})@(?=[A-Za-z0-9[])`, 'gi');

export const detectConnectionStrings: Detector = (text, report) => {
	for (const m of text.matchAll(connection)) {
		const end = m.index + m[0].length - 1;
		const password = m[2];
		if (isPlaceholder(password) || password.includes('***') || followedByMask(text, end)) continue;
		report({ kind: 'password', start: end - password.length, end, cue: `${m[1].toLowerCase()}://` });
	}
};

/** Where connection strings stand, so the e-mail detector leaves `pw@host` inside one alone. */
export const connectionUserPart = new RegExp(`(?:${schemes})://[^\\s@/]*$`, 'i');
