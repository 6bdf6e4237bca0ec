/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_schema.c - knowing the file is ours and bringing its schema up to
 * date.
 *
 * The schema is an ordered list of migrations (as newsboat does it), one
 * transaction each, numbered by PRAGMA user_version.  A file is ours when its
 * application_id says so; an empty file becomes ours; anything else, or a
 * schema newer than this program knows, is refused before a single byte is
 * written to it.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <time.h>

/* Version 1: the workshop itself.  Every child table leads with the session
 * id (WITHOUT ROWID tables are clustered on it), so loading one session
 * reads that session's pages and nothing else.  Matrix snapshots are shared
 * between sessions run against the same text, which keeps the file small. */
static const char schema_v1[] =
	"CREATE TABLE matrices ("
	" id INTEGER PRIMARY KEY,"
	" hash TEXT NOT NULL,"
	" text TEXT NOT NULL);"
	"CREATE INDEX matrices_hash ON matrices(hash);"
	"CREATE TABLE sessions ("
	" id TEXT PRIMARY KEY NOT NULL,"
	" name TEXT NOT NULL UNIQUE,"
	" organisation TEXT NOT NULL DEFAULT '',"
	" facilitator TEXT NOT NULL DEFAULT '',"
	" track INTEGER NOT NULL,"
	" matrix_id TEXT NOT NULL,"
	" matrix_version TEXT NOT NULL,"
	" matrix INTEGER NOT NULL REFERENCES matrices(id),"
	" stage_labels TEXT NOT NULL,"
	" rows_total INTEGER NOT NULL,"
	" secret_ballot INTEGER NOT NULL DEFAULT 0,"
	" current_section TEXT,"
	" current_row TEXT,"
	" created INTEGER NOT NULL,"
	" updated INTEGER NOT NULL);"
	"CREATE INDEX sessions_matrix ON sessions(matrix);"
	"CREATE INDEX sessions_organisation ON sessions(organisation, matrix_id, created);"
	"CREATE TABLE participants ("
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" name TEXT NOT NULL,"
	" PRIMARY KEY (session, position)) WITHOUT ROWID;"
	"CREATE TABLE answers ("
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" row_id TEXT NOT NULL,"
	" state INTEGER NOT NULL DEFAULT 0,"
	" stage INTEGER NOT NULL DEFAULT -1,"
	" note TEXT NOT NULL DEFAULT '',"
	" revealed INTEGER NOT NULL DEFAULT 0,"
	" updated INTEGER NOT NULL,"
	" PRIMARY KEY (session, row_id)) WITHOUT ROWID;"
	"CREATE TABLE votes ("
	" session TEXT NOT NULL,"
	" row_id TEXT NOT NULL,"
	" participant INTEGER NOT NULL,"
	" vote INTEGER NOT NULL,"
	" PRIMARY KEY (session, row_id, participant),"
	" FOREIGN KEY (session, participant)"
	"  REFERENCES participants(session, position) ON DELETE CASCADE) WITHOUT ROWID;"
	"CREATE TABLE actions ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" row_id TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" owner TEXT NOT NULL DEFAULT '',"
	" due TEXT NOT NULL DEFAULT '',"
	" done INTEGER NOT NULL DEFAULT 0,"
	" created INTEGER NOT NULL);"
	"CREATE INDEX actions_session ON actions(session, id);"
	"CREATE TABLE section_time ("
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" section_id TEXT NOT NULL,"
	" seconds INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (session, section_id)) WITHOUT ROWID;";

/* Version 2: the append-only history behind undo and "what changed".
 * `old` and `new` have no type affinity: a number, a text or a JSON object
 * depending on `kind` (see store_history.c).  An undo is a new entry whose
 * `undoes` names the entry it reverted; nothing is ever deleted. */
static const char schema_v2[] =
	"CREATE TABLE history ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" at INTEGER NOT NULL,"
	" kind TEXT NOT NULL,"
	" row_id TEXT NOT NULL DEFAULT '',"
	" summary TEXT NOT NULL,"
	" target INTEGER,"
	" old,"
	" new,"
	" undoes INTEGER);"
	"CREATE INDEX history_session ON history(session, id);"
	"CREATE INDEX history_undoes ON history(undoes) WHERE undoes IS NOT NULL;"
	"INSERT INTO history (session, at, kind, summary)"
	" SELECT id, created, 'create', 'Created the session' FROM sessions;";

/* Version 3: what `list` needs without reading every session's answers.
 * rows_answered is kept by triggers in the same transaction as the answer;
 * touched orders sessions by their last change even when the clock does
 * not move (NEXTSTEPS_NOW) or steps back. */
static const char schema_v3[] =
	"ALTER TABLE sessions ADD COLUMN rows_answered INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE sessions ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;"
	"UPDATE sessions SET rows_answered = (SELECT count(*) FROM answers a"
	" WHERE a.session = sessions.id AND a.state IN (1, 2));"
	"UPDATE sessions SET touched = (SELECT count(*) FROM sessions s"
	" WHERE s.updated < sessions.updated"
	" OR (s.updated = sessions.updated AND s.rowid <= sessions.rowid));"
	"CREATE INDEX sessions_touched ON sessions(touched);"
	"CREATE TRIGGER answers_count_insert AFTER INSERT ON answers"
	" WHEN NEW.state IN (1, 2) BEGIN"
	" UPDATE sessions SET rows_answered = rows_answered + 1 WHERE id = NEW.session;"
	" END;"
	"CREATE TRIGGER answers_count_delete AFTER DELETE ON answers"
	" WHEN OLD.state IN (1, 2) BEGIN"
	" UPDATE sessions SET rows_answered = rows_answered - 1 WHERE id = OLD.session;"
	" END;"
	"CREATE TRIGGER answers_count_update AFTER UPDATE OF state ON answers"
	" WHEN (OLD.state IN (1, 2)) <> (NEW.state IN (1, 2)) BEGIN"
	" UPDATE sessions SET rows_answered = rows_answered"
	" + CASE WHEN NEW.state IN (1, 2) THEN 1 ELSE -1 END WHERE id = NEW.session;"
	" END;";

/* Version 4: the live room.  `show_note` is the facilitator's
 * choice to show the row's note on watchers' screens.  `presence` says who
 * has the session open right now: one row per process, rewritten every few
 * seconds (a heartbeat).  It is not history and never touches the session,
 * so heartbeats neither reorder the list nor reach undo. */
static const char schema_v4[] =
	"ALTER TABLE sessions ADD COLUMN show_note INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE presence ("
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" host TEXT NOT NULL,"
	" pid INTEGER NOT NULL,"
	" role TEXT NOT NULL,"
	" name TEXT NOT NULL DEFAULT '',"
	" last_seen INTEGER NOT NULL,"
	" PRIMARY KEY (session, host, pid)) WITHOUT ROWID;";

/* Version 5: merging places an incoming session after the last session
 * here changed before it; (touched, updated) finds that one by walking
 * down from the top of the list, reading the index alone, and still serves
 * the list's order and max(touched), so it replaces the index on touched. */
static const char schema_v5[] =
	"CREATE INDEX sessions_touched_updated ON sessions(touched, updated);"
	"DROP INDEX sessions_touched;";

/* The answers view, one row per agreed stage and per vote that is not
 * hidden; PARKED and UNREACHED are the words (SQL literals) for states 3
 * and 0, the only part that has changed between versions. */
#define ANSWERS_V(PARKED, UNREACHED, SHOWN) \
	ANSWERS_V_HIDING(PARKED, UNREACHED, SHOWN, "", "")
/* The same, leaving out what HIDE_A (after the answers' joins) and HIDE_V
 * (after the votes' conditions) exclude; SHOWN says when a vote is shown. */
#define ANSWERS_V_HIDING(PARKED, UNREACHED, SHOWN, HIDE_A, HIDE_V) \
	"CREATE VIEW answers_v AS" \
	" SELECT s.id AS session_id, s.name AS session, s.organisation AS organisation," \
	"  a.row_id AS row_id, NULL AS participant," \
	"  CASE WHEN a.state = 1 THEN a.stage + 1 END AS stage_number," \
	"  st.stage_label AS stage_label," \
	"  CASE a.state WHEN 1 THEN 'agreed' WHEN 2 THEN 'not_applicable'" \
	"   WHEN 3 THEN " PARKED " ELSE " UNREACHED " END AS state," \
	"  a.note AS note," \
	"  strftime('%Y-%m-%dT%H:%M:%SZ', a.updated, 'unixepoch') AS updated" \
	" FROM answers a JOIN sessions s ON s.id = a.session" \
	" LEFT JOIN stages_v st ON a.state = 1 AND st.session_id = s.id" \
	"  AND st.stage_number = a.stage + 1" \
	HIDE_A \
	" UNION ALL" \
	" SELECT s.id, s.name, s.organisation, v.row_id, p.name," \
	"  CASE WHEN v.vote >= 0 THEN v.vote + 1 END, st.stage_label," \
	"  CASE WHEN v.vote >= 0 THEN 'vote' ELSE 'dont_know' END, NULL," \
	"  strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(a.updated, s.updated), 'unixepoch')" \
	" FROM votes v JOIN sessions s ON s.id = v.session" \
	" JOIN participants p ON p.session = v.session AND p.position = v.participant" \
	" LEFT JOIN answers a ON a.session = v.session AND a.row_id = v.row_id" \
	" LEFT JOIN stages_v st ON v.vote >= 0 AND st.session_id = s.id" \
	"  AND st.stage_number = v.vote + 1" \
	" WHERE (v.vote >= 0 OR v.vote = -2)" \
	"  AND " SHOWN \
	HIDE_V ";"

/* When a vote is shown, before scores given ahead of the workshop. */
#define ANSWERS_V_BALLOT "(s.secret_ballot = 0 OR coalesce(a.revealed, 0) = 1)"
/* When a vote is shown, since: a row holding a score given before the
 * workshop is hidden as a secret ballot's is, until revealed. */
#define ANSWERS_V_SCORED \
	"(coalesce(a.revealed, 0) = 1 OR (s.secret_ballot = 0" \
	" AND NOT EXISTS (SELECT 1 FROM votes b WHERE b.session = v.session" \
	" AND b.row_id = v.row_id AND b.given_before = 1)))"

/* The sessions view; AGREED (SQL, "" or " AND ...") narrows the rows
 * counted as agreed, the only part that has changed between versions. */
#define SESSIONS_V(AGREED) \
	"CREATE VIEW sessions_v AS" \
	" SELECT s.id AS session_id, s.name AS name, s.organisation AS organisation," \
	"  CASE s.track WHEN 1 THEN 'lgpo' WHEN 2 THEN 'pcn' ELSE '' END AS type," \
	"  s.facilitator AS facilitator," \
	"  strftime('%Y-%m-%dT%H:%M:%SZ', s.created, 'unixepoch') AS created," \
	"  strftime('%Y-%m-%dT%H:%M:%SZ', s.updated, 'unixepoch') AS updated," \
	"  s.rows_total AS rows," \
	"  (SELECT count(*) FROM answers a WHERE a.session = s.id AND a.state = 1" \
	AGREED ") AS agreed," \
	"  s.matrix_id AS matrix_id, s.matrix_version AS matrix_version," \
	"  s.secret_ballot AS secret_ballot" \
	" FROM sessions s;"
/* The actions view; WHERE (SQL, "" or " WHERE ...") leaves actions out. */
#define ACTIONS_V(WHERE) \
	"CREATE VIEW actions_v AS" \
	" SELECT a.id AS action_id, s.id AS session_id, s.name AS session," \
	"  s.organisation AS organisation, a.row_id AS row_id, a.text AS text," \
	"  a.owner AS owner, a.due AS due," \
	"  CASE WHEN a.done THEN 'done' ELSE 'open' END AS status," \
	"  strftime('%Y-%m-%dT%H:%M:%SZ', a.created, 'unixepoch') AS created" \
	" FROM actions a JOIN sessions s ON s.id = a.session" WHERE ";"

/* Version 6: read-only views for people who query the file with SQL
 * (documented in nextsteps(1), kept stable across versions: columns are
 * only ever added at the end).  They say in words and ISO 8601 UTC what
 * the tables hold as codes and Unix seconds, and leave out the votes of a
 * secret ballot not yet revealed, as every report does.  Rows, sections
 * and stage ids live in the matrix snapshot, not in tables: the views name
 * a stage by its number (1 = the first) and label. */
static const char schema_v6[] =
	"CREATE VIEW stages_v AS"
	" WITH RECURSIVE split(session_id, stage_number, stage_label, rest) AS ("
	"  SELECT id, 0, NULL, stage_labels || char(10) FROM sessions"
	"  UNION ALL"
	"  SELECT session_id, stage_number + 1,"
	"   substr(rest, 1, instr(rest, char(10)) - 1),"
	"   substr(rest, instr(rest, char(10)) + 1)"
	"  FROM split WHERE rest <> '')"
	" SELECT session_id, stage_number, stage_label FROM split"
	" WHERE stage_number > 0;"
	SESSIONS_V("")
	ANSWERS_V("'not_discussed'", "'open'", ANSWERS_V_BALLOT)
	ACTIONS_V("");

/* Version 7: who made each change, so undo and redo are per person: NULL
 * is the facilitator (every entry written before this version was made
 * at the facilitator's terminal), a number is the position of the
 * participant who made it from their own terminal (join). */
static const char schema_v7[] =
	"ALTER TABLE history ADD COLUMN actor INTEGER;";

/* Version 8: whether anyone may join.  A session made with `--open-join`
 * takes any name `join --as` gives; otherwise a name that is not a
 * participant asks the facilitator first (a presence row in the role
 * "asking"), so a typo never becomes a participant. */
static const char schema_v8[] =
	"ALTER TABLE sessions ADD COLUMN open_join INTEGER NOT NULL DEFAULT 0;";

/* Version 9: a row's four states have one name each in every reader
 * (rowfacts_state_word): answers_v says 'parked' for a row skipped on
 * purpose and 'not_reached' for one nobody has answered, as CSV and JSON
 * do.  The view's columns are unchanged.  Each session gets its planned
 * length in minutes. */
static const char schema_v9[] =
	"ALTER TABLE sessions ADD COLUMN planned_minutes INTEGER NOT NULL DEFAULT 90;"
	"DROP VIEW answers_v;"
	ANSWERS_V("'parked'", "'not_reached'", ANSWERS_V_BALLOT);

/* Version 10: every history entry has an identity that survives copying
 * (ids are renumbered when a session is merged into another file), so a
 * merge knows which changes both copies already share.  New entries get a
 * random one from the trigger; entries written before this version get
 * one made from what they hold and their place in their session's
 * history, so two copies of one session upgraded apart give their shared
 * entries the same identity and their own entries different ones. */
static const char schema_v10[] =
	"ALTER TABLE history ADD COLUMN uid TEXT;"
	"UPDATE history SET uid = 'v' || (SELECT count(*) FROM history p"
	" WHERE p.session = history.session AND p.id <= history.id)"
	" || '-' || at || '-' || kind || '-' || row_id || '-' || coalesce(target, '')"
	" || '-' || coalesce(actor, '') || '-' || coalesce(length(old), '')"
	" || '-' || coalesce(length(new), '') || '-' || hex(substr(coalesce(old, ''), 1, 12))"
	" || '-' || hex(substr(coalesce(new, ''), 1, 12));"
	"CREATE INDEX history_uid ON history(session, uid);"
	"CREATE TRIGGER history_uid_new AFTER INSERT ON history"
	" WHEN NEW.uid IS NULL BEGIN"
	" UPDATE history SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;"
	" END;";

/* Version 11: the minutes the facilitator plans for a section, beside
 * its time; NULL while the section takes its share of the rows. */
static const char schema_v11[] =
	"ALTER TABLE section_time ADD COLUMN planned_minutes INTEGER;";

/* Version 12: private scores given before the workshop.  A vote written
 * on a row the facilitator's walk has not yet reached is a score given
 * before the workshop (given_before = 1); the walk reaching a row records
 * it in rows_opened, durably, with the last history id of the session at
 * that moment, so every change made before the row opened can be told
 * from those made in the room.  Rows that already hold answers, and each
 * session's current row, were opened in a workshop.  answers_v now also
 * hides the votes of a row holding a score given before the workshop
 * until the facilitator reveals it (the same columns as before). */
static const char schema_v12[] =
	"ALTER TABLE votes ADD COLUMN given_before INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE rows_opened ("
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" row_id TEXT NOT NULL,"
	" opened INTEGER NOT NULL,"
	" history_id INTEGER NOT NULL,"
	" PRIMARY KEY (session, row_id)) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO rows_opened (session, row_id, opened, history_id)"
	" SELECT a.session, a.row_id, a.updated, coalesce((SELECT max(h.id)"
	"  FROM history h WHERE h.session = a.session), 0) FROM answers a;"
	"INSERT OR IGNORE INTO rows_opened (session, row_id, opened, history_id)"
	" SELECT s.id, s.current_row, s.updated, coalesce((SELECT max(h.id)"
	"  FROM history h WHERE h.session = s.id), 0) FROM sessions s"
	" WHERE s.current_row IS NOT NULL;"
	"DROP VIEW answers_v;"
	ANSWERS_V("'parked'", "'not_reached'", ANSWERS_V_SCORED);

/* Version 13: changing a session's type keeps the answers, votes and
 * actions of rows that no longer apply, so they come back when the type
 * changes back; `hidden_rows` lists the rows of the snapshot outside the
 * session's track (written when the type changes) and every reader, the
 * loaders, the counter's triggers and the views, leaves their answers
 * out.  A session whose type never changed has none. */
static const char schema_v13[] =
	"CREATE TABLE hidden_rows ("
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" row_id TEXT NOT NULL,"
	" PRIMARY KEY (session, row_id)) WITHOUT ROWID;"
	"DROP TRIGGER answers_count_insert;"
	"DROP TRIGGER answers_count_delete;"
	"DROP TRIGGER answers_count_update;"
	"CREATE TRIGGER answers_count_insert AFTER INSERT ON answers"
	" WHEN NEW.state IN (1, 2)"
	" AND" STORE_SHOWN_ROW("NEW.session", "NEW.row_id") " BEGIN"
	" UPDATE sessions SET rows_answered = rows_answered + 1 WHERE id = NEW.session;"
	" END;"
	"CREATE TRIGGER answers_count_delete AFTER DELETE ON answers"
	" WHEN OLD.state IN (1, 2)"
	" AND" STORE_SHOWN_ROW("OLD.session", "OLD.row_id") " BEGIN"
	" UPDATE sessions SET rows_answered = rows_answered - 1 WHERE id = OLD.session;"
	" END;"
	"CREATE TRIGGER answers_count_update AFTER UPDATE OF state ON answers"
	" WHEN (OLD.state IN (1, 2)) <> (NEW.state IN (1, 2))"
	" AND" STORE_SHOWN_ROW("NEW.session", "NEW.row_id") " BEGIN"
	" UPDATE sessions SET rows_answered = rows_answered"
	" + CASE WHEN NEW.state IN (1, 2) THEN 1 ELSE -1 END WHERE id = NEW.session;"
	" END;"
	"DROP VIEW answers_v;"
	ANSWERS_V_HIDING("'parked'", "'not_reached'", ANSWERS_V_SCORED,
			 " WHERE" STORE_SHOWN_ROW("a.session", "a.row_id"),
			 " AND" STORE_SHOWN_ROW("v.session", "v.row_id"))
	"DROP VIEW sessions_v;"
	SESSIONS_V(" AND" STORE_SHOWN_ROW("a.session", "a.row_id"))
	"DROP VIEW actions_v;"
	ACTIONS_V(" WHERE" STORE_SHOWN_ROW("a.session", "a.row_id"));

/* Version 14: the actions of an organisation's previous session brought
 * into a new one for review.  Each is a copy (text, owner, due, row) with
 * the session it came from named by id and by name, because that session
 * may later be renamed or deleted; `position` numbers them within the
 * session.  `row_gone` says the new matrix has no such row; `outcome` is
 * store_outcome; `carried` is the action of this session it became when
 * carried forward. */
static const char schema_v14[] =
	"CREATE TABLE brought ("
	" session TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" from_session TEXT NOT NULL,"
	" from_name TEXT NOT NULL,"
	" from_action INTEGER NOT NULL,"
	" row_id TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" owner TEXT NOT NULL DEFAULT '',"
	" due TEXT NOT NULL DEFAULT '',"
	" row_gone INTEGER NOT NULL DEFAULT 0,"
	" outcome INTEGER NOT NULL DEFAULT 0,"
	" carried INTEGER,"
	" PRIMARY KEY (session, position)) WITHOUT ROWID;";

/* Version 15: an organisation is one whatever the case it is written in
 * (a session's previous one, the actions it reviews): this index finds
 * its sessions so, without reading every session of the file. */
static const char schema_v15[] =
	"CREATE INDEX sessions_organisation_nocase ON sessions"
	"(organisation COLLATE NOCASE, created);";

/* Append only: a released version's migration never changes. */
static const char *const migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
	schema_v7,
	schema_v8,
	schema_v9,
	schema_v10,
	schema_v11,
	schema_v12,
	schema_v13,
	schema_v14,
	schema_v15,
};

/* The version this program writes. */
int store_schema_latest(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

/* One integer from a fixed statement (PRAGMAs are not cached). */
static int pragma_int(store *st, const char *sql, long long *out, store_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			*out = sqlite3_column_int64(stmt, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return store_fail_sql(st, err, rc, "read it");
	return STORE_OK;
}

/* Ours, new, or something else, by its identity and version. */
static int check_kind(store *st, long long app, long long version,
		      long long objects, int *fresh, store_error *err)
{
	*fresh = app == 0 && version == 0 && objects == 0;
	if (!*fresh && app != STORE_APPLICATION_ID)
		return store_fail(err, STORE_EDATA,
				  "%s: not a nextsteps database (made by another program)",
				  st->path);
	if (version > store_schema_latest())
		return store_fail(err, STORE_EDATA,
				  "%s: made by a newer nextsteps (schema %lld, this one"
				  " knows %d): upgrade nextsteps to open it",
				  st->path, version, store_schema_latest());
	return STORE_OK;
}

/* Is this file ours, new, or something else?  *fresh is set for an empty
 * file, which the first migration claims. */
static int check_identity(store *st, long long *version, int *fresh,
			  store_error *err)
{
	long long app = 0, objects = 0;
	int rc, started;

	/* one snapshot: another process may be migrating the file right now */
	rc = store_read_begin(st, &started, err);
	if (!rc)
		rc = pragma_int(st, "PRAGMA application_id", &app, err);
	if (!rc)
		rc = pragma_int(st, "PRAGMA user_version", version, err);
	if (!rc)
		rc = pragma_int(st, "SELECT count(*) FROM sqlite_master", &objects, err);
	if (!rc)
		rc = check_kind(st, app, *version, objects, fresh, err);
	/* in the same snapshot as the version it is compared against */
	if (!rc && !*fresh)
		rc = store_schema_verify(st, "main", st->path, *version, err);
	store_read_end(st, started);
	return rc;
}

/* ------------------------------------------------------------ exact schema */

/* The schema is compared entry by entry as "type name table sql", with
 * runs of white space in the sql made one space.  The expected list comes
 * from running the migrations themselves on an empty in-memory database,
 * so every future migration is covered without a second copy of it. */
typedef struct schema_list {
	char **item;
	size_t n, cap;
} schema_list;

static void schema_list_free(schema_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->item[i]);
	free(l->item);
	memset(l, 0, sizeof *l);
}

/* "type\037name\037table\037sql" with the sql's white space folded. */
static char *schema_item(sqlite3_stmt *stmt)
{
	const char *part[4];
	size_t len = 4, i;
	char *out, *o;
	int space = 0;

	for (i = 0; i < 4; i++) {
		part[i] = (const char *)sqlite3_column_text(stmt, (int)i);
		if (!part[i])
			part[i] = "";
		len += strlen(part[i]);
	}
	o = out = malloc(len);
	if (!out)
		return NULL;
	for (i = 0; i < 4; i++) {
		const char *p;

		for (p = part[i]; *p; p++) {
			if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
				space = 1;
				continue;
			}
			if (space && o > out && o[-1] != '\037')
				*o++ = ' ';
			space = 0;
			*o++ = *p;
		}
		space = 0;
		if (i < 3)
			*o++ = '\037';
	}
	*o = '\0';
	return out;
}

/* ANALYZE's statistics tables hold numbers only and may be made by any
 * tool; everything else must be ours. */
static const char schema_query_main[] =
	"SELECT type, name, tbl_name, sql FROM main.sqlite_schema"
	" WHERE NOT (type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4'))"
	" ORDER BY type, name";
static const char schema_query_other[] =
	"SELECT type, name, tbl_name, sql FROM other.sqlite_schema"
	" WHERE NOT (type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4'))"
	" ORDER BY type, name";

/* SQLITE_NOMEM for an allocation failure, else SQLite's result. */
static int schema_read(sqlite3 *db, const char *sql, schema_list *out)
{
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		char *item;

		if (out->n == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 32;
			char **p = realloc(out->item, cap * sizeof *p);

			if (!p) {
				rc = SQLITE_NOMEM;
				break;
			}
			out->item = p;
			out->cap = cap;
		}
		if (!(item = schema_item(stmt))) {
			rc = SQLITE_NOMEM;
			break;
		}
		out->item[out->n++] = item;
		rc = SQLITE_OK;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* What the migrations up to `version` make. */
static int schema_expected(long long version, schema_list *out)
{
	sqlite3 *db = NULL;
	long long i;
	int rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL);

	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	for (i = 0; rc == SQLITE_OK && i < version; i++)
		rc = sqlite3_exec(db, migrations[i], NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = schema_read(db, schema_query_main, out);
	sqlite3_close(db);
	return rc;
}

#ifndef STORE_SCHEMA_GENERATE
/* The same lists, made by running schema_expected() at build time (see
 * Makefile.am): opening a file then costs a read of its sqlite_schema,
 * not a run of every migration. */
#include "store_schema_expected.h"

/* The built list for `version`, or the migrations run now when the build
 * has none (never expected: the list is made from this very file). */
static int schema_wanted(long long version, schema_list *out)
{
	const char *const *item;
	size_t n = 0;

	if (version > STORE_SCHEMA_EXPECTED_VERSIONS)
		return schema_expected(version, out);
	for (item = store_schema_expected[version - 1]; item[n]; n++)
		;
	out->item = malloc((n ? n : 1) * sizeof *out->item);
	if (!out->item)
		return SQLITE_NOMEM;
	out->cap = n;
	for (out->n = 0; out->n < n; out->n++)
		if (!(out->item[out->n] = strdup(item[out->n])))
			return SQLITE_NOMEM;
	return SQLITE_OK;
}
#else
#define schema_wanted schema_expected
#endif

/* "type name" of an item, for the message. */
static void schema_what(const char *item, char *out, size_t size)
{
	const char *sep = strchr(item, '\037');
	const char *end = sep ? strchr(sep + 1, '\037') : NULL;

	if (!sep || !end) {
		snprintf(out, size, "an entry");
		return;
	}
	snprintf(out, size, "%.*s '%.*s'", (int)(sep - item), item,
		 (int)(end - sep - 1) < 80 ? (int)(end - sep - 1) : 80, sep + 1);
}

/* Length of the "type\037name" key of an item. */
static size_t schema_key_len(const char *item)
{
	const char *sep = strchr(item, '\037');

	sep = sep ? strchr(sep + 1, '\037') : NULL;
	return sep ? (size_t)(sep - item) : strlen(item);
}

/* The first difference between the two lists, in words; "" when none. */
static void schema_diff(const schema_list *want, const schema_list *got,
			char *out, size_t size)
{
	size_t i = 0, j = 0;
	char what[128];

	out[0] = '\0';
	while (i < want->n || j < got->n) {
		int c;

		if (i < want->n && j < got->n && strcmp(want->item[i], got->item[j]) == 0) {
			i++;
			j++;
			continue;
		}
		if (i == want->n) {
			c = 1;
		} else if (j == got->n) {
			c = -1;
		} else {
			size_t a = schema_key_len(want->item[i]), b = schema_key_len(got->item[j]);

			c = strncmp(want->item[i], got->item[j], a < b ? a : b);
			if (c == 0)
				c = a == b ? 0 : (a < b ? -1 : 1);
		}
		schema_what(c <= 0 ? want->item[i] : got->item[j], what, sizeof what);
		if (c < 0)
			snprintf(out, size, "no %s", what);
		else if (c > 0)
			snprintf(out, size, "%s that nextsteps did not make", what);
		else
			snprintf(out, size, "%s is not as nextsteps made it", what);
		return;
	}
}

int store_schema_verify(store *st, const char *schema, const char *path,
			long long version, store_error *err)
{
	schema_list want = { 0 }, got = { 0 };
	char diff[256];
	int rc;

	if (version < 1 || version > store_schema_latest())
		return store_fail(err, STORE_EDATA, "%s: damaged or not a nextsteps"
				  " database (schema version %lld)", path, version);
	rc = schema_wanted(version, &want);
	if (rc != SQLITE_OK) {
		schema_list_free(&want);
		return store_fail(err, rc == SQLITE_NOMEM ? STORE_EOS : STORE_EIO,
				  "%s: cannot build the expected schema (%s)", path,
				  sqlite3_errstr(rc));
	}
	rc = schema_read(st->db, strcmp(schema, "main") == 0 ? schema_query_main
							      : schema_query_other, &got);
	if (rc != SQLITE_OK) {
		schema_list_free(&want);
		schema_list_free(&got);
		if ((rc & 0xff) == SQLITE_ERROR)
			return store_fail(err, STORE_EDATA, "%s: damaged or not a nextsteps"
					  " database (%s)", path, sqlite3_errmsg(st->db));
		return store_fail_sql(st, err, rc, "read its schema");
	}
	schema_diff(&want, &got, diff, sizeof diff);
	schema_list_free(&want);
	schema_list_free(&got);
	if (diff[0])
		return store_fail(err, STORE_EDATA, "%s: damaged or not a nextsteps"
				  " database (%s)", path, diff);
	return STORE_OK;
}

/* PRAGMA integrity_check reads every page of the file, so it is not run
 * on open (whose cost must not grow with the file: identity and schema
 * are checked there) but asked for with `nextsteps check-db`.  Damage met
 * while reading is reported as STORE_EDATA either way. */
int store_check(store *st, store_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char first[256] = "";
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA integrity_check(1)", -1, &stmt,
				    NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			snprintf(first, sizeof first, "%s",
				 (const char *)sqlite3_column_text(stmt, 0));
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_OK)
		return store_fail_sql(st, err, rc, "check it");
	if (strcmp(first, "ok") == 0)
		store_ok(err);
	if (strcmp(first, "ok") != 0) {
		/* SQLite heads its report "*** in database main ***" */
		const char *say = first;

		if (strncmp(say, "*** ", 4) == 0 && strchr(say, '\n'))
			say = strchr(say, '\n') + 1;
		memmove(first, say, strlen(say) + 1);
		first[strcspn(first, "\n")] = '\0';
		return store_fail(err, STORE_EDATA, "%s: damaged (database is corrupt:"
				  " %s)", st->path, first);
	}
	return STORE_OK;
}

/* One migration, in its own transaction.  The version is read again under
 * the write lock: another process may have migrated in the meantime. */
static int migrate_one(store *st, int target, int *done, store_error *err)
{
	long long version = 0;
	char sql[64];
	int rc = store_exec(st, "BEGIN IMMEDIATE", "upgrade it", err);

	if (rc)
		return rc;
	rc = pragma_int(st, "PRAGMA user_version", &version, err);
	if (!rc && version >= target) {
		*done = 1;
		return store_commit(st, err);
	}
	if (!rc && version == 0) {
		snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
			 STORE_APPLICATION_ID);
		rc = store_exec(st, sql, "claim it", err);
	}
	if (!rc)
		rc = store_exec(st, migrations[version], "upgrade it", err);
	if (!rc) {
		snprintf(sql, sizeof sql, "PRAGMA user_version = %lld", version + 1);
		rc = store_exec(st, sql, "upgrade it", err);
	}
	if (!rc)
		rc = store_commit(st, err);
	if (rc)
		store_rollback(st);
	return rc;
}

/* Migrations up to `target`, each committed on its own. */
static int migrate(store *st, int target, store_error *err)
{
	int rc = STORE_OK, done = 0;

	while (!rc && !done)
		rc = migrate_one(st, target, &done, err);
	return rc;
}

/* Switching to WAL needs every other connection out of the way, and SQLite
 * does not wait for that in its busy handler; two first opens of a new
 * file at once must not fail, so this waits (as the busy timeout would). */
static int use_wal(store *st, store_error *err)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	int rc, waited = 0;

	for (;;) {
		rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || waited >= st->busy_ms)
			break;
		nanosleep(&pause, NULL);
		waited += 10;
	}
	if (rc != SQLITE_OK)
		return store_fail_sql(st, err, rc, "use a write-ahead log");
	return STORE_OK;
}

/* WAL lets a second terminal read while the facilitator writes;
 * synchronous=FULL makes each commit durable before the call returns. */
static int set_journal(store *st, store_error *err)
{
	int rc = use_wal(st, err);

	if (!rc)
		rc = store_exec(st, "PRAGMA synchronous = FULL", "sync every change", err);
	return rc;
}

/* Refuse, check, then upgrade: nothing is written to a file not ours. */
int store_schema_prepare(store *st, int version, store_error *err)
{
	long long current = 0;
	int fresh = 0, readonly, rc;

	if (version < 1 || version > store_schema_latest())
		return store_fail(err, STORE_EUSAGE, "no schema version %d", version);
	store_bound_work(st, STORE_CHECK_MS);
	rc = check_identity(st, &current, &fresh, err);
	store_bound_work(st, 0);
	if (rc)
		return rc;
	readonly = sqlite3_db_readonly(st->db, "main") == 1;
	if (readonly) {
		if (current < version)
			return store_fail(err, STORE_EIO, "%s: database is read-only and"
					  " needs upgrading by a writable open first",
					  st->path);
		return STORE_OK;
	}
	rc = set_journal(st, err);
	if (!rc && current < version)
		rc = migrate(st, version, err);
	return rc;
}

#ifdef STORE_SCHEMA_GENERATE
/* The build's generator: prints the expected list of every version as C
 * (store_schema_expected.h), made by the migrations above. */
static void print_c_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20 || c >= 0x7f)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

int main(void)
{
	int v, latest = store_schema_latest();
	size_t i;

	printf("/* Made by the build from db/store_schema.c: do not edit. */\n");
	for (v = 1; v <= latest; v++) {
		schema_list l = { 0 };

		if (schema_expected(v, &l) != SQLITE_OK) {
			fprintf(stderr, "store-schema-gen: migration %d fails\n", v);
			return 1;
		}
		printf("static const char *const store_schema_expected_v%d[] = {\n", v);
		for (i = 0; i < l.n; i++) {
			printf("\t");
			print_c_string(l.item[i]);
			printf(",\n");
		}
		printf("\tNULL\n};\n");
		schema_list_free(&l);
	}
	printf("static const char *const *const store_schema_expected[] = {\n");
	for (v = 1; v <= latest; v++)
		printf("\tstore_schema_expected_v%d,\n", v);
	printf("};\n#define STORE_SCHEMA_EXPECTED_VERSIONS %d\n", latest);
	return 0;
}
#endif
