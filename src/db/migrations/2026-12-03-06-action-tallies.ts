import { type Kysely, type Migration, sql } from 'kysely';
import { idType } from '../columns.ts';
import type { Dialect } from '../database.ts';

/**
 * Running totals per campaign, UTC day and reported combination (src/actions/tallies.ts), filled
 * from the actions already stored. The counts read these, so the indexes that served counting the
 * rows go: each cost a b-tree write per action. actions_campaign_day stays for exports, which
 * page through a campaign's rows in time order, and for the cascade when a campaign is deleted.
 */
const KEY = ['campaign_id', 'day', 'target', 'channel', 'outcome', 'state', 'district', 'language'];

export default (dialect: Dialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('action_tallies')
      .addColumn('campaign_id', idType(dialect), (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('district', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('count', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('action_tallies_pk', KEY as never)
      // SQLite: the primary key is the table's one b-tree, not a second index beside a rowid table.
      .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
      .execute();
    const day =
      dialect === 'sqlite' ? sql`substr(created_at, 1, 10)` : sql`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')`;
    await sql`insert into action_tallies (campaign_id, day, target, channel, outcome, state, district, language, count)
      select campaign_id, ${day}, target, channel, outcome, state, coalesce(district, ''), language, count(*)
      from actions group by campaign_id, ${day}, target, channel, outcome, state, coalesce(district, ''), language`.execute(
      db,
    );
    await db.schema.dropIndex('actions_campaign_target').execute();
    await db.schema.dropIndex('actions_campaign_outcome').execute();
    await db.schema.dropIndex('actions_campaign_place').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema
      .createIndex('actions_campaign_target')
      .on('actions')
      .columns(['campaign_id', 'target', 'outcome'])
      .execute();
    await db.schema.createIndex('actions_campaign_outcome').on('actions').columns(['campaign_id', 'outcome']).execute();
    await db.schema
      .createIndex('actions_campaign_place')
      .on('actions')
      .columns(['campaign_id', 'state', 'district'])
      .execute();
    await db.schema.dropTable('action_tallies').execute();
  },
});
