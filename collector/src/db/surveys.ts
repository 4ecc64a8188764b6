import type { SurveyDefinition } from '@pulse/sdk/protocol';

/** The survey definitions of a site, by id. */
export const listSurveys = async (db: D1Database, site: string): Promise<SurveyDefinition[]> => {
  const { results } = await db
    .prepare('SELECT definition FROM surveys WHERE site = ? ORDER BY id')
    .bind(site)
    .all<{ definition: string }>();
  return results.map((row) => JSON.parse(row.definition) as SurveyDefinition);
};

/** Creates or replaces a survey definition; tells whether it existed. */
export const putSurvey = async (db: D1Database, site: string, survey: SurveyDefinition): Promise<boolean> => {
  const existed = await db.prepare('SELECT 1 FROM surveys WHERE site = ? AND id = ?').bind(site, survey.id).first();
  await db
    .prepare(
      'INSERT INTO surveys (site, id, definition, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (site, id) DO UPDATE SET definition = excluded.definition, updated_at = excluded.updated_at',
    )
    .bind(site, survey.id, JSON.stringify(survey), Date.now())
    .run();
  return existed !== null;
};

/** Deletes a survey definition; tells whether it existed. Its answers stay in the events. */
export const deleteSurvey = async (db: D1Database, site: string, id: string): Promise<boolean> => {
  const { meta } = await db.prepare('DELETE FROM surveys WHERE site = ? AND id = ?').bind(site, id).run();
  return meta.changes > 0;
};
