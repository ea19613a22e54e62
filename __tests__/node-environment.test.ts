// The Node edge's time environment (src/node-environment.ts): the system zone from /etc/localtime.
import { describe, expect, it } from '@jest/globals';
import { readSystemZone } from '../src/node-environment.js';

describe('readSystemZone', () => {
  it.each([
    ['/usr/share/zoneinfo/Etc/UTC', 'Etc/UTC'],
    ['../usr/share/zoneinfo/Europe/Berlin', 'Europe/Berlin'],
    ['/var/db/timezone/zoneinfo/America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['/usr/share/zoneinfo/posix/Asia/Tokyo', 'Asia/Tokyo'],
  ])('reads the zone name from the link %s', (target, zone) => {
    expect(readSystemZone(() => target)).toBe(zone);
  });

  it('leaves leap-second zones, links outside a zoneinfo tree and unreadable links to Intl', () => {
    expect(readSystemZone(() => '/usr/share/zoneinfo/right/Europe/Berlin')).toBeUndefined();
    expect(readSystemZone(() => '/etc/timezone-copy')).toBeUndefined();
    const notALink = Object.assign(new Error('EINVAL: invalid argument'), { code: 'EINVAL' });
    expect(
      readSystemZone(() => {
        throw notALink;
      }),
    ).toBeUndefined();
  });
});
