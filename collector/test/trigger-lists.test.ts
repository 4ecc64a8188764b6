import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ELEMENT_SIGNALS, FRICTION_SIGNALS } from '../src/aggregates/friction/signals';
import { PulseEventSchema } from '../src/schema/events';

/** Every trigger of the migrated database, with the event types its WHEN clause names. */
const triggers = async () => {
  const { results } = await env.DB.prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name",
  ).all<{ name: string; sql: string }>();
  return results.map(({ name, sql }) => {
    const when = /\bWHEN\b([\s\S]*?)\bBEGIN\b/i.exec(sql)?.[1] ?? '';
    const list = /(?:NEW|OLD)\.type\s+IN\s*\(([^)]*)\)/i.exec(when)?.[1];
    const single = /(?:NEW|OLD)\.type\s*=\s*'([a-z_]+)'/i.exec(when)?.[1];
    const types = list ? [...list.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]!) : single ? [single] : [];
    return { name, types };
  });
};

describe("the rollup triggers' event types", () => {
  it('follow the one TypeScript list of friction signals', async () => {
    const byName = Object.fromEntries((await triggers()).map(({ name, types }) => [name, [...types].sort()]));
    const sorted = (list: readonly string[]) => [...list].sort();
    for (const name of ['events_friction_add', 'events_friction_remove'])
      expect(byName[name], name).toEqual(sorted(['pageview', ...FRICTION_SIGNALS]));
    for (const name of ['events_elements_add', 'events_elements_remove'])
      expect(byName[name], name).toEqual(sorted(ELEMENT_SIGNALS));
  });

  it('name only event types of the protocol, and no list of friction signals outside the friction rollups', async () => {
    const protocol = new Set<string>(PulseEventSchema.options.map((option) => option.shape.type.value));
    const friction = new Set<string>(FRICTION_SIGNALS);
    const all = await triggers();
    expect(all.filter(({ types }) => types.length).length).toBeGreaterThan(10);
    for (const { name, types } of all) {
      for (const type of types) expect(protocol, `${name}: ${type}`).toContain(type);
      // A rollup of one signal (the error groups of js_error) names it alone; a list of several is a friction rollup's.
      if (types.length > 1 && !/^events_(friction|elements)_/.test(name))
        expect(
          types.filter((type) => friction.has(type)),
          name,
        ).toEqual([]);
    }
  });

  it("the friction index's condition is the one list, in its order, which the impact queries repeat", async () => {
    const index = await env.DB.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'events_friction_session'",
    ).first<{ sql: string }>();
    const list = /\btype\s+IN\s*\(([^)]*)\)/i.exec(index!.sql)![1]!;
    expect([...list.matchAll(/'([a-z_]+)'/g)].map((match) => match[1])).toEqual([...FRICTION_SIGNALS]);
  });
});
