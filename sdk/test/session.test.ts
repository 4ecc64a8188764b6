import { beforeEach, describe, expect, it } from 'vitest';
import { touchSession } from '../src/lib/session';

const MINUTE = 60_000;

describe('touchSession', () => {
  beforeEach(() => localStorage.clear());

  it('keeps the session while the visitor is active, and starts a new one after 30 minutes without activity', () => {
    const start = Date.UTC(2026, 10, 2, 10, 0);
    const first = touchSession(30, start);
    // Activity every 29 minutes keeps one session for hours.
    let now = start;
    for (let i = 0; i < 6; i++) expect(touchSession(30, (now += 29 * MINUTE)).session).toBe(first.session);
    const next = touchSession(30, now + 30 * MINUTE);
    expect(next.session).not.toBe(first.session);
    expect(next.visitor).toBe(first.visitor);
    expect([first.visits, next.visits]).toEqual([1, 2]);
  });

  it('follows a site override of the idle time', () => {
    const start = Date.UTC(2026, 10, 2, 10, 0);
    const first = touchSession(5, start);
    expect(touchSession(5, start + 4 * MINUTE).session).toBe(first.session);
    expect(touchSession(5, start + 10 * MINUTE).session).not.toBe(first.session);
  });
});
