import { strict as assert } from 'node:assert';
import { detectIps, isPublicIpv4, parseIpv4 } from '../../../server/src/service/leaks/ip';
import { values } from '../../support/leaks';

describe('leaks/ip', () => {
	it('finds public addresses, also right against Chinese text, after IP, in a URL and with a port', () => {
		const text = "如题IP 101.132.101.86我们，源站IP101.132.101.87，curl 'http://47.112.246.194/1.html'，连接 120.24.3.9:8080 失败";
		assert.deepEqual(values(detectIps, text), ['101.132.101.86', '101.132.101.87', '47.112.246.194', '120.24.3.9']);
	});

	it('ignores private, reserved and masked addresses, network ranges, public resolvers and versions', () => {
		const text = [
			'内网 192.168.1.10、10.0.0.8、172.16.5.4、127.0.0.1、100.64.0.1、169.254.1.1、0.0.0.0',
			'掩码 255.255.255.0，组播 224.0.0.1，文档 203.0.113.5',
			'节点 148.153.*.* 和 [REDACTED_PRIVATE_IP]',
			'白名单 183.60.220.0/24120.83.145.0/24，125.94.43.0/24',
			'DNS 8.8.8.8、114.114.114.114、223.5.5.5',
			'SDK version 1.2.3.4，v2.10.3.1，版本 3.1.4.1，版本号：5.6.7.8，pkg@6.1.2.3，组件 7.12.0.1.5，日期 2024.10.29',
			'标识 abc1.2.3.4',
		].join('\n');
		assert.deepEqual(values(detectIps, text), []);
	});

	it('classifies ranges', () => {
		assert.deepEqual(parseIpv4('1.2.3.4'), [1, 2, 3, 4]);
		assert.equal(parseIpv4('1.2.3.256'), undefined);
		assert.equal(parseIpv4('1.2.3'), undefined);
		assert.ok(isPublicIpv4([101, 132, 101, 86]));
		assert.ok(isPublicIpv4([172, 32, 0, 1]), 'just outside 172.16/12');
		assert.ok(!isPublicIpv4([172, 31, 255, 255]));
		assert.ok(!isPublicIpv4([198, 18, 0, 1]), 'benchmark range');
	});
});
