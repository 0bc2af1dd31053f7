import { strict as assert } from 'node:assert';
import { detectConnectionStrings } from '../../../server/src/service/leaks/connectionString';
import { found, leaksIn } from '../../support/leaks';

describe('leaks/connectionString', () => {
	it('finds the password of a connection string, the password alone', () => {
		const cases: [string, string][] = [
			['mysql://root:My5qlPw!@10.0.0.8:3306/app', 'My5qlPw!'],
			['postgres://app:pg2024secret@db.internal/app', 'pg2024secret'],
			['postgresql://u:Pq8x@w2@pg.example.cn:5432', 'Pq8x@w2'],
			['mongodb://admin:Mongo2024x@10.1.1.1:27017', 'Mongo2024x'],
			['mongodb+srv://user:Srv9pw7k@cluster0.abcde.mongodb.net/test', 'Srv9pw7k'],
			['redis://:Red1sPw9@127.0.0.1:6379/0', 'Red1sPw9'],
			['redis://default:r3dis2x@cache:6379', 'r3dis2x'],
			['amqp://guest2:Mq9pw7x@mq.local:5672', 'Mq9pw7x'],
			['ftp://upload:Ftp2024pw@ftp.qiniu-demo.com/dir', 'Ftp2024pw'],
			['sftp://deploy:Sf7pw9x@files.demo.cn:22', 'Sf7pw9x'],
		];
		for (const [text, password] of cases) assert.deepEqual(found(detectConnectionStrings, `连接串 ${text} 连不上`), [['password', password]], text);
	});

	it('reports the password, never an e-mail address, for ftp://user:pw@host', () => {
		assert.deepEqual(leaksIn('ftp://upload:Ftp2024pw@ftp.qiniu-demo.com/dir'), [['secret-credential', 'Ftp2024pw']]);
		assert.deepEqual(leaksIn('ftp://upload:******@ftp.qiniu-demo.com/dir，mysql://root:<password>@host'), []);
	});
});
