import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { type ActionTuple, tallyActions } from './tallies.ts';

/**
 * The SQLite side of group commit, on its own thread: better-sqlite3 is synchronous, and a
 * commit with synchronous=FULL waits for fsync (several milliseconds on ordinary disks). Here
 * that wait blocks only this thread, while the main thread keeps parsing requests and gathers the
 * next batch. Each message is one batch; it is answered once its transaction, which also adds the
 * batch to the tallies (tallies.ts), has committed. Summing the tallies here keeps that work off
 * the main thread.
 */
function open(path: string) {
  const db = new SQLite(path);
  // The same settings as openDatabase (src/db/database.ts): WAL, fsync at every commit, and
  // deleted rows overwritten.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  const insert = db.prepare(
    'INSERT INTO actions (campaign_id, target, channel, outcome, state, district, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const addToTally = db.prepare(
    `INSERT INTO action_tallies (campaign_id, day, target, channel, outcome, state, district, language, count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (campaign_id, day, target, channel, outcome, state, district, language)
     DO UPDATE SET count = action_tallies.count + excluded.count`,
  );
  return db.transaction((rows: ActionTuple[]) => {
    for (const row of rows) insert.run(row);
    for (const tally of tallyActions(rows)) addToTally.run(tally);
  });
}

let insertAll: ReturnType<typeof open>;
try {
  insertAll = open((workerData as { path: string }).path);
} catch (err) {
  // SqliteError's message does not survive the copy to the main thread; a plain Error's does.
  throw new Error(err instanceof Error ? err.message : String(err));
}

parentPort?.on('message', (message: { id: number; rows: ActionTuple[] }) => {
  try {
    insertAll(message.rows);
    parentPort?.postMessage({ id: message.id, error: null });
  } catch (err) {
    parentPort?.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
});
