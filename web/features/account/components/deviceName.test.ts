import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './deviceName.ts';

describe('describeUserAgent', () => {
  it('names the browser and system of a phone', () => {
    expect(
      describeUserAgent(
        'Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome', system: 'Android' });
    expect(
      describeUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', system: 'iOS' });
  });

  it('gives up on scripts and apps rather than showing half a name', () => {
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent('curl/8.5.0')).toBeNull();
    expect(describeUserAgent('Playwright/1.65.1 (x64; debian 12) node/20.19')).toBeNull();
    expect(describeUserAgent('okhttp/4.12.0 (Linux; Android 14)')).toBeNull();
  });
});
