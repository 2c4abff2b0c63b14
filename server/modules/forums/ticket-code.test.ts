import { describe, expect, it } from 'vitest';
import { qrPng } from '../../platform/mail/qr-attachment.ts';
import { readQr } from '../../test/read-qr.ts';
import { newTicketCode } from './registration.service.ts';

describe('ticket codes at the door', () => {
  // ZXing, the scanner's first decoder, could not read about one random ticket in twenty: a person turned
  // to typing a 22-character code at the door. The door's decoder must read every ticket the server issues.
  it('reads back every one of 300 tickets through the decoder the door uses', async () => {
    const codes = Array.from({ length: 300 }, newTicketCode);
    const unread: string[] = [];
    for (const code of codes) {
      let read: string | null = null;
      try {
        read = readQr(await qrPng(code));
      } catch {}
      if (read !== code) unread.push(code);
    }
    expect(unread).toEqual([]);
  });
});
