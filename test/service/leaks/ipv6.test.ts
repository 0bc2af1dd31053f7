import { strict as assert } from 'node:assert';
import { detectIpv6, parseIpv6 } from '../../../server/src/service/leaks/ipv6';
import { found, leaksIn, values } from '../../support/leaks';

describe('leaks/ipv6', () => {
	it('finds public IPv6 addresses, full, compressed and in brackets with a port (the range is the address)', () => {
		const text = '源站 2408:8000:1010:1::2b，节点 240e:0383:0401:2a00:0000:0000:0000:0012，访问 [2400:3200::1]:443 失败，客户IP 2001:4860:4860::8888我们';
		assert.deepEqual(found(detectIpv6, text), [
			['ipv6', '2408:8000:1010:1::2b'],
			['ipv6', '240e:0383:0401:2a00:0000:0000:0000:0012'],
			['ipv6', '2400:3200::1'],
			['ipv6', '2001:4860:4860::8888'],
		]);
		assert.deepEqual(leaksIn('IP 2408:8000:1010:1::2b'), [['pii-ip', '2408:8000:1010:1::2b']]);
	});

	it('ignores loopback, link-local, unique-local, documentation ranges, prefixes and look-alikes', () => {
		const text =
			'::1，fe80::1ff:fe23:4567:890a，fd12:3456:789a::1，2001:db8::8a2e:370:7334，3fff:0:0::1，2400:cb00::/32，MAC 00:1A:2B:3C:4D:5E，时间 2023:12:01，std::vector，a::b';
		assert.deepEqual(values(detectIpv6, text), []);
	});

	it('parses the eight groups of compressed and mixed forms', () => {
		assert.deepEqual(parseIpv6('2400:3200::1'), [0x2400, 0x3200, 0, 0, 0, 0, 0, 1]);
		assert.deepEqual(parseIpv6('2002:c000:204::1.2.3.4'), [0x2002, 0xc000, 0x204, 0, 0, 0, 0x102, 0x304]);
		assert.equal(parseIpv6('2400:3200:1'), undefined);
		assert.equal(parseIpv6('2400::1::2'), undefined);
	});
});
