/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_merge_fields.c - combining two copies of one session field by
 * field, so nothing either facilitator recorded is lost.
 *
 * The design:
 *   - Both copies keep a history with an identity (`uid`) per entry that
 *     survives copying.  Entries one copy has and the other lacks are the
 *     changes made since they diverged; entries both have are shared.
 *   - Each entry changes one field: its kind (an undo's, the kind of the
 *     entry it undid), its row, and its key: the participant's position
 *     for a vote or a participant's name, the action's identity for an
 *     action (the uid of the first history entry about it, since action
 *     ids are renumbered on copy), nothing for the other kinds.
 *   - A field only the other copy changed takes the other copy's value; a
 *     field only this copy changed keeps its own; a field both changed to
 *     different values is a conflict: the copy whose latest change is later
 *     (by time, then by uid, so both directions agree) wins, and the
 *     conflict is reported.  Equal values are no conflict.
 *   - The other copy's entries are then appended here once, renumbered
 *     (ids, action ids, participant positions, `undoes`), with their uid,
 *     so a second merge finds nothing new.
 *   - A participant who joined in the other copy only keeps their place
 *     when the join is shared, is matched by name otherwise, or is added
 *     at the end.
 *
 * Each kind of field is one entry of merge_kinds[]: its history kind, how
 * its entries' `target` names the field (nothing, a participant's
 * position, or a record's id renumbered per file), how to read its value
 * in both copies (one statement, ?1 session, ?2 row, ?3 the key here, ?4
 * the key there), how to write it here, and how to say it in words.  A
 * feature that records a new kind of change adds one entry.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A value of one field, as the history encodes it (see store_history.c). */
typedef struct merge_value {
	int type;                  /* SQLITE_NULL, SQLITE_INTEGER or SQLITE_TEXT */
	long long i;
	char *s;
} merge_value;

/* How an entry's `target` names its field; the values are those of
 * temp.merge_keys, which the entry statements read. */
enum merge_key {
	MERGE_KEY_NONE = 0,        /* one per row, or per session */
	MERGE_KEY_PERSON = 1,      /* target: a participant's position */
	MERGE_KEY_ID = 2,          /* target: a record's id in its file (an
				      action): known across files by the uid
				      of the first entry of this kind about it */
	MERGE_KEY_SAME = 3         /* target: the same in both copies (a
				      brought action's position, fixed when
				      the session was created) */
};

/* What a writer or a describer knows about the field. */
typedef struct merge_spot {
	store *st;
	const char *sid;
	const char *row_id;
	long long target;          /* here: position, action id, or -1 */
	const char *label;         /* the other file's base name, for renames */
	int *renamed;              /* counts a name made unique here */
} merge_spot;

typedef struct merge_kind {
	const char *kind;          /* the history kind */
	const char *what;          /* the field in a conflict line */
	int per_row;               /* named "row ROW ..." (1) or, for a
				      section's field, "section ID ..." (2);
				      the entry's row_id names either */
	enum merge_key key;
	const char *read_sql;      /* here's value, there's value */
	int (*write)(const merge_spot *p, const merge_value *v, store_error *err);
	void (*words)(const merge_spot *p, const merge_value *v, char *out, size_t size);
	/* MERGE_KEY_ID: a fresh id here for a record new here, reserved */
	int (*new_id)(store *st, long long *id, store_error *err);
} merge_kind;

static int new_action_id(store *st, long long *id, store_error *err);

/* ------------------------------------------------------------ small helpers */

static long long row_stamp(const merge_spot *p)
{
	static const char sql[] =
		"SELECT max(coalesce((SELECT updated FROM main.answers WHERE session = ?1"
		" AND row_id = ?2), 0), coalesce((SELECT updated FROM other.answers"
		" WHERE session = ?1 AND row_id = ?2), 0))";
	sqlite3_stmt *stmt = store_sql_text2(p->st, sql, p->sid, p->row_id, NULL);
	long long v = 0;

	if (stmt && sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	if (stmt)
		store_done(stmt);
	return v;
}

/* The session's stage labels, for the words of a stage. */
static void stage_words(const merge_spot *p, int stage, char *out, size_t size)
{
	if (store_stage_label(p->st, p->sid, stage, out, size, NULL) != 0)
		snprintf(out, size, "stage %d", stage + 1);
}

static void quote_words(const char *s, char *out, size_t size)
{
	char q[80];

	if (!s || !*s) {
		snprintf(out, size, "(none)");
		return;
	}
	store_quote(q, sizeof q, s);
	snprintf(out, size, "'%s'", q);
}

/* A text field of an action's JSON snapshot (malloc'd), NULL when none. */
static char *action_field(store *st, const char *json, const char *path)
{
	static const char sql[] = "SELECT json_extract(?1, ?2)";
	sqlite3_stmt *stmt = json ? store_sql_text2(st, sql, json, path, NULL) : NULL;
	char *s = NULL;

	if (stmt && sqlite3_step(stmt) == SQLITE_ROW &&
	    sqlite3_column_type(stmt, 0) != SQLITE_NULL)
		s = store_col_dup(stmt, 0);
	if (stmt)
		store_done(stmt);
	return s;
}

/* ------------------------------------------------------------ writers */

static int write_agreed(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_agreed(p->st, p->sid, p->row_id,
				  (enum store_row_state)(v->i / 16), (int)(v->i % 16) - 1,
				  row_stamp(p), err);
}

static int write_note(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_note(p->st, p->sid, p->row_id, v->s ? v->s : "",
				row_stamp(p), err);
}

static int write_reveal(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_revealed(p->st, p->sid, p->row_id, (int)v->i, row_stamp(p),
				    err);
}

/* The other copy's vote keeps its "given before the workshop". */
static int write_vote(const merge_spot *p, const merge_value *v, store_error *err)
{
	static const char sql[] =
		"SELECT o.given_before FROM other.votes o JOIN temp.merge_people m"
		" ON m.there = o.participant WHERE o.session = ?1 AND o.row_id = ?2"
		" AND m.here = ?3";
	sqlite3_stmt *stmt = store_sql_text2(p->st, sql, p->sid, p->row_id, err);
	long long before = 0;
	int found, rc;

	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 3, p->target);
	rc = store_step_int(p->st, stmt, &before, &found, "merge the votes", err);
	if (rc)
		return rc;
	return store_write_vote(p->st, p->sid, p->row_id, (int)p->target, (int)v->i,
				found && before, row_stamp(p), err);
}

static int write_brought(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_merge_brought(p->st, p->sid, (int)p->target, (int)v->i, err);
}

static int write_action(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_action(p->st, p->sid, p->target,
				  v->type == SQLITE_TEXT ? v->s : NULL, err);
}

/* A name taken here by another session is made unique as a new one is. */
static int write_name(const merge_spot *p, const merge_value *v, store_error *err)
{
	char *name = NULL;
	int renamed = 0, rc = store_merge_free_name(p->st, v->s ? v->s : "", p->sid,
						    p->label, &name, &renamed, err);

	if (!rc)
		rc = store_write_name(p->st, p->sid, name, err);
	if (!rc && renamed && p->renamed)
		++*p->renamed;
	free(name);
	return rc;
}

static int write_org(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_session_text(p->st, p->sid, "organisation", v->s, err);
}

static int write_facilitator(const merge_spot *p, const merge_value *v,
			     store_error *err)
{
	return store_write_session_text(p->st, p->sid, "facilitator", v->s, err);
}

static int write_minutes(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_minutes(p->st, p->sid, (int)v->i, err);
}

static int write_section_minutes(const merge_spot *p, const merge_value *v,
				 store_error *err)
{
	return store_write_section_minutes(p->st, p->sid, p->row_id, (int)v->i, err);
}

static int write_secret(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_secret(p->st, p->sid, (int)v->i, err);
}

static int write_person(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_participant(p->st, p->sid, (int)p->target, v->s ? v->s : "",
				       err);
}

static int write_track(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_track(p->st, p->sid, (unsigned)v->i, err);
}

/* A participant removed in one copy: gone here too (their votes with
 * them); kept in one copy, back here under their name. */
static int write_removal(const merge_spot *p, const merge_value *v, store_error *err)
{
	return store_write_presence_of(p->st, p->sid, (int)p->target,
				       v->type == SQLITE_TEXT ? v->s : NULL, err);
}

/* ------------------------------------------------------------ words */

static void agreed_words(const merge_spot *p, const merge_value *v, char *out,
			 size_t size)
{
	switch ((enum store_row_state)(v->i / 16)) {
	case STORE_ROW_AGREED: stage_words(p, (int)(v->i % 16) - 1, out, size); break;
	case STORE_ROW_NOT_APPLICABLE: snprintf(out, size, "not applicable"); break;
	case STORE_ROW_NOT_DISCUSSED: snprintf(out, size, "parked"); break;
	default: snprintf(out, size, "open"); break;
	}
}

/* While the row's votes are hidden (a secret ballot, or a score given
 * before the workshop in either copy, and the row not revealed; see
 * rowfacts_ballot_hides), a conflict says that the votes differed, never
 * what they were. */
static void vote_words(const merge_spot *p, const merge_value *v, char *out,
		       size_t size)
{
	static const char hidden_sql[] =
		"SELECT (s.secret_ballot OR EXISTS (SELECT 1 FROM main.votes b"
		"  WHERE b.session = ?1 AND b.row_id = ?2 AND b.given_before = 1)"
		" OR EXISTS (SELECT 1 FROM other.votes b"
		"  WHERE b.session = ?1 AND b.row_id = ?2 AND b.given_before = 1))"
		" AND NOT coalesce((SELECT revealed FROM main.answers a"
		" WHERE a.session = s.id AND a.row_id = ?2), 0)"
		" FROM main.sessions s WHERE s.id = ?1";
	sqlite3_stmt *stmt = store_sql_text2(p->st, hidden_sql, p->sid, p->row_id, NULL);
	int hidden = 0;

	if (stmt && sqlite3_step(stmt) == SQLITE_ROW)
		hidden = sqlite3_column_int(stmt, 0);
	if (stmt)
		store_done(stmt);
	if (v->i == STORE_VOTE_NONE)
		snprintf(out, size, "no vote");
	else if (hidden)
		snprintf(out, size, "a hidden vote");
	else if (v->i == STORE_VOTE_DONT_KNOW)
		snprintf(out, size, "don't know");
	else
		stage_words(p, (int)v->i, out, size);
}

static void text_words(const merge_spot *p, const merge_value *v, char *out,
		       size_t size)
{
	(void)p;
	quote_words(v->s, out, size);
}

static void shown_words(const merge_spot *p, const merge_value *v, char *out,
			size_t size)
{
	(void)p;
	snprintf(out, size, "%s", v->i ? "revealed" : "hidden");
}

static void on_off_words(const merge_spot *p, const merge_value *v, char *out,
			 size_t size)
{
	(void)p;
	snprintf(out, size, "%s", v->i ? "on" : "off");
}

static void track_words(const merge_spot *p, const merge_value *v, char *out,
			size_t size)
{
	(void)p;
	snprintf(out, size, "%s", v->i == CONTENT_TRACK_PCN ? "PCN" : "LGPO");
}

static void removal_words(const merge_spot *p, const merge_value *v, char *out,
			  size_t size)
{
	(void)p;
	if (v->type == SQLITE_TEXT)
		quote_words(v->s, out, size);
	else
		snprintf(out, size, "removed");
}

static void minutes_words(const merge_spot *p, const merge_value *v, char *out,
			  size_t size)
{
	(void)p;
	snprintf(out, size, "%lld minutes", v->i);
}

static void outcome_words(const merge_spot *p, const merge_value *v, char *out,
			  size_t size)
{
	(void)p;
	snprintf(out, size, "%s", store_outcome_words((enum store_outcome)v->i));
}

static void action_words(const merge_spot *p, const merge_value *v, char *out,
			 size_t size)
{
	char *text, *owner, *due, *done, q[80];

	if (v->type != SQLITE_TEXT) {
		snprintf(out, size, "deleted");
		return;
	}
	text = action_field(p->st, v->s, "$.text");
	owner = action_field(p->st, v->s, "$.owner");
	due = action_field(p->st, v->s, "$.due");
	done = action_field(p->st, v->s, "$.done");
	store_quote(q, sizeof q, text ? text : "");
	snprintf(out, size, "'%s'%s%s%s%s%s", q, owner && *owner ? " owner " : "",
		 owner && *owner ? owner : "", due && *due ? " due " : "",
		 due && *due ? due : "", done && strcmp(done, "0") != 0 ? " (done)" : "");
	free(text);
	free(owner);
	free(due);
	free(done);
}

/* ------------------------------------------------------------ the kinds */

/* Both copies' value of EXPR in TABLE: the row WHERE_HERE names here and
 * the one WHERE_THERE names there (a participant or an action has its
 * own key in each: ?3 here, ?4 there), DEFAULT when there is none. */
#define BOTH_VALUES(EXPR, TABLE, WHERE_HERE, WHERE_THERE, DEFAULT) \
	"SELECT coalesce((SELECT " EXPR " FROM main." TABLE " WHERE " WHERE_HERE \
	"), " DEFAULT "), coalesce((SELECT " EXPR " FROM other." TABLE \
	" WHERE " WHERE_THERE "), " DEFAULT ")"
#define ROW_KEY "session = ?1 AND row_id = ?2"
#define ROW_VALUE(EXPR, DEFAULT) BOTH_VALUES(EXPR, "answers", ROW_KEY, ROW_KEY, DEFAULT)
#define SESSION_VALUE(COLUMN) BOTH_VALUES(COLUMN, "sessions", "id = ?1", "id = ?1", "NULL")
#define PERSON_NAME \
	BOTH_VALUES("name", "participants", "session = ?1 AND position = ?3", \
		    "session = ?1 AND position = ?4", "NULL")
#define ACTION_JSON \
	"json_object('row_id', row_id, 'text', text, 'owner', owner, 'due', due," \
	" 'done', done, 'created', created)"

/* One entry per kind of change the history records.  A kind missing
 * here (create, or one a later version adds) is carried in the history
 * but not combined. */
static const merge_kind merge_kinds[] = {
	{ .kind = "agreed", .what = "agreed", .per_row = 1,
	  .read_sql = ROW_VALUE("state * 16 + stage + 1", "0"),
	  .write = write_agreed, .words = agreed_words },
	{ .kind = "note", .what = "note", .per_row = 1,
	  .read_sql = ROW_VALUE("note", "''"),
	  .write = write_note, .words = text_words },
	{ .kind = "reveal", .what = "votes", .per_row = 1,
	  .read_sql = ROW_VALUE("revealed", "0"),
	  .write = write_reveal, .words = shown_words },
	{ .kind = "vote", .what = "vote", .per_row = 1, .key = MERGE_KEY_PERSON,
	  .read_sql = BOTH_VALUES("vote", "votes", ROW_KEY " AND participant = ?3",
				  ROW_KEY " AND participant = ?4", "-1"),
	  .write = write_vote, .words = vote_words },
	{ .kind = "action", .what = "action", .per_row = 1, .key = MERGE_KEY_ID,
	  .read_sql = BOTH_VALUES(ACTION_JSON, "actions", "session = ?1 AND id = ?3",
				  "session = ?1 AND id = ?4", "NULL"),
	  .write = write_action, .words = action_words, .new_id = new_action_id },
	{ .kind = "rename", .what = "name", .read_sql = SESSION_VALUE("name"),
	  .write = write_name, .words = text_words },
	{ .kind = "organisation", .what = "organisation",
	  .read_sql = SESSION_VALUE("organisation"),
	  .write = write_org, .words = text_words },
	{ .kind = "facilitator", .what = "facilitator",
	  .read_sql = SESSION_VALUE("facilitator"),
	  .write = write_facilitator, .words = text_words },
	{ .kind = "minutes", .what = "planned minutes",
	  .read_sql = SESSION_VALUE("planned_minutes"),
	  .write = write_minutes, .words = minutes_words },
	{ .kind = "secret", .what = "secret ballot",
	  .read_sql = SESSION_VALUE("secret_ballot"),
	  .write = write_secret, .words = on_off_words },
	{ .kind = "participant", .what = "participant", .key = MERGE_KEY_PERSON,
	  .read_sql = PERSON_NAME,
	  .write = write_person, .words = text_words },
	{ .kind = "section_minutes", .what = "planned minutes", .per_row = 2,
	  .read_sql = BOTH_VALUES("planned_minutes", "section_time",
				  "session = ?1 AND section_id = ?2",
				  "session = ?1 AND section_id = ?2", "0"),
	  .write = write_section_minutes, .words = minutes_words },
	{ .kind = "type", .what = "type", .read_sql = SESSION_VALUE("track"),
	  .write = write_track, .words = track_words },
	{ .kind = "remove", .what = "participant", .key = MERGE_KEY_PERSON,
	  .read_sql = PERSON_NAME,
	  .write = write_removal, .words = removal_words },
	{ .kind = "brought", .what = "action from the last session", .per_row = 1,
	  .key = MERGE_KEY_SAME,
	  .read_sql = BOTH_VALUES("outcome", "brought", "session = ?1 AND position = ?3",
				  "session = ?1 AND position = ?4", "0"),
	  .write = write_brought, .words = outcome_words },
	/* a join is matched by map_people, not combined: no value of its own */
	{ .kind = "join", .key = MERGE_KEY_PERSON },
};

static const merge_kind *kind_named(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof merge_kinds / sizeof merge_kinds[0]; i++)
		if (strcmp(merge_kinds[i].kind, kind) == 0)
			return &merge_kinds[i];
	return NULL;
}

/* ------------------------------------------------------------ values */

static void value_free(merge_value *v)
{
	free(v->s);
	memset(v, 0, sizeof *v);
}

/* Column i as a value; 0 when out of memory. */
static int value_read(sqlite3_stmt *stmt, int i, merge_value *v)
{
	memset(v, 0, sizeof *v);
	v->type = sqlite3_column_type(stmt, i);
	if (v->type == SQLITE_INTEGER || v->type == SQLITE_FLOAT) {
		v->type = SQLITE_INTEGER;
		v->i = sqlite3_column_int64(stmt, i);
	} else if (v->type != SQLITE_NULL) {
		v->type = SQLITE_TEXT;
		return (v->s = store_col_dup(stmt, i)) != NULL;
	}
	return 1;
}

static int value_same(const merge_value *a, const merge_value *b)
{
	if (a->type != b->type)
		return 0;
	if (a->type == SQLITE_INTEGER)
		return a->i == b->i;
	if (a->type == SQLITE_TEXT)
		return strcmp(a->s, b->s) == 0;
	return 1;
}

/* Both copies' values of one field. */
static int values_read(store *st, const merge_kind *k, const char *sid,
		       const char *row_id, long long here, long long there,
		       merge_value *h, merge_value *t, store_error *err)
{
	sqlite3_stmt *stmt = store_sql_text2(st, k->read_sql, sid, row_id, err);
	int rc, ok = 1;

	memset(h, 0, sizeof *h);
	memset(t, 0, sizeof *t);
	if (!stmt)
		return store_last(err);
	sqlite3_bind_int64(stmt, 3, here);
	sqlite3_bind_int64(stmt, 4, there);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		ok = value_read(stmt, 0, h) && value_read(stmt, 1, t);
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
				      "merge a session");
	if (!ok)
		return store_fail(err, STORE_EOS, "out of memory");
	return STORE_OK;
}

/* ------------------------------------------------------------ participants */

typedef struct merge_person {
	int there;
	char *name;
	long long joined_here;     /* the shared join's position here, or -1 */
	int has_join;              /* joined (rather than named at creation) */
	long long same_place;      /* here has this position, or -1 */
	long long same_name;       /* here's position with this name, or -1 */
	int removed;               /* removed there: mapped only to someone
				      here, never added */
} merge_person;

static int person_row(sqlite3_stmt *stmt, void *ctx)
{
	struct { merge_person *list; size_t n, cap; } *l = ctx;
	merge_person *p;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		if (!(p = realloc(l->list, l->cap * sizeof *p)))
			return 1;
		l->list = p;
	}
	p = &l->list[l->n];
	p->there = sqlite3_column_int(stmt, 0);
	p->name = store_col_dup(stmt, 1);
	p->joined_here = sqlite3_column_type(stmt, 2) == SQLITE_NULL ? -1
			 : sqlite3_column_int64(stmt, 2);
	p->has_join = sqlite3_column_int(stmt, 3);
	p->same_place = sqlite3_column_type(stmt, 4) == SQLITE_NULL ? -1
			: sqlite3_column_int64(stmt, 4);
	p->same_name = sqlite3_column_type(stmt, 5) == SQLITE_NULL ? -1
		       : sqlite3_column_int64(stmt, 5);
	p->removed = sqlite3_column_int(stmt, 6);
	if (!p->name)
		return 1;
	l->n++;
	return 0;
}

/* One position here for a participant there (see the top of the file). */
static int place_person(store *st, const char *sid, const merge_person *p,
			store_error *err)
{
	static const char map[] =
		"INSERT OR REPLACE INTO temp.merge_people (there, here) VALUES (?1, ?2)";
	long long here = p->joined_here;
	sqlite3_stmt *stmt;
	int next = 0, rc = STORE_OK;

	if (here < 0 && !p->has_join)
		here = p->same_place;
	if (here < 0)
		here = p->same_name;
	if (here < 0 && p->removed)
		return STORE_OK;
	if (here < 0) {
		/* never a position a removed participant here may get back */
		rc = store_participant_next_position(st, sid, &next, err);
		here = next;
		if (!rc)
			rc = store_insert_participant(st, sid, (int)here, p->name, err);
	}
	if (rc)
		return rc;
	if (!(stmt = store_sql(st, map, err)))
		return store_last(err);
	sqlite3_bind_int(stmt, 1, p->there);
	sqlite3_bind_int64(stmt, 2, here);
	return store_run(st, stmt, "merge the participants", err);
}

static int map_people(store *st, const char *sid, store_error *err)
{
	/* everyone there, and those removed there, so their removal
	 * reaches the same person here */
	static const char sql[] =
		"WITH people (position, name, removed) AS ("
		" SELECT position, name, 0 FROM other.participants WHERE session = ?1"
		" UNION ALL SELECT r.target, json_extract(r.old, '$.name'), 1"
		" FROM other.history r WHERE r.session = ?1 AND r.kind = 'remove'"
		" AND r.old IS NOT NULL AND NOT EXISTS (SELECT 1 FROM other.participants p"
		"  WHERE p.session = ?1 AND p.position = r.target)"
		" GROUP BY r.target)"
		" SELECT p.position, p.name,"
		" (SELECT m.target FROM main.history m WHERE m.session = ?1 AND m.uid ="
		"  (SELECT j.uid FROM other.history j WHERE j.session = ?1"
		"   AND j.kind = 'join' AND j.target = p.position ORDER BY j.id LIMIT 1)),"
		" EXISTS (SELECT 1 FROM other.history j WHERE j.session = ?1"
		"  AND j.kind = 'join' AND j.target = p.position),"
		" (SELECT q.position FROM main.participants q WHERE q.session = ?1"
		"  AND q.position = p.position),"
		" (SELECT q.position FROM main.participants q WHERE q.session = ?1"
		"  AND q.name = p.name), p.removed"
		" FROM people p ORDER BY 1";
	struct { merge_person *list; size_t n, cap; } l = { NULL, 0, 0 };
	size_t i;
	int rc = store_each(st, sql, sid, person_row, &l, "merge the participants", err);

	for (i = 0; !rc && i < l.n; i++)
		rc = place_person(st, sid, &l.list[i], err);
	for (i = 0; i < l.n; i++)
		free(l.list[i].name);
	free(l.list);
	return rc;
}

/* Brought actions both copies carried forward: the other copy's carried
 * action is this copy's, so the changes made to it there reach it here. */
static int map_carried(store *st, const char *sid, store_error *err)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO temp.merge_ids (kind, there, here)"
		" SELECT 'action', o.carried, m.carried FROM other.brought o"
		" JOIN main.brought m ON m.session = o.session AND m.position = o.position"
		" WHERE o.session = ?1 AND o.carried IS NOT NULL AND m.carried IS NOT NULL";

	return store_run_text1(st, sql, sid, "merge last session's actions", err);
}

/* ------------------------------------------------------------ entries */

/* The field an entry changes: an undo changes its undone entry's field. */
#define FIELD_OF(S, H) \
	"CASE WHEN " H ".kind = 'undo' THEN (SELECT k.kind FROM " S ".history k" \
	" WHERE k.id = " H ".undoes) ELSE " H ".kind END"
/* A record's identity (MERGE_KEY_ID): the uid of the first entry of its
 * kind about it in that copy. */
#define RECORD_UID(S, H) \
	"(SELECT a.uid FROM " S ".history a WHERE a.session = ?1 AND a.kind = " H ".field" \
	" AND a.target = " H ".target ORDER BY a.id LIMIT 1)"

/* The other copy's entries this one lacks, in their order (their rowid
 * here numbers them 1..n), then this copy's entries the other lacks. */
static const char entries_there[] =
	"INSERT INTO temp.merge_entries (session, side, id, uid, at, field, row_id, fkey,"
	" target) SELECT ?1, 1, o.id, o.uid, o.at, o.field, o.row_id,"
	" CASE (SELECT k.key FROM temp.merge_keys k WHERE k.kind = o.field)"
	" WHEN 1 THEN coalesce((SELECT p.here"
	"  FROM temp.merge_people p WHERE p.there = o.target), -1)"
	" WHEN 2 THEN coalesce(" RECORD_UID("other", "o") ", '')"
	" WHEN 3 THEN o.target ELSE '' END, o.target"
	" FROM (SELECT h.*, coalesce(" FIELD_OF("other", "h") ", '') AS field"
	"  FROM other.history h WHERE h.session = ?1 AND NOT EXISTS (SELECT 1"
	"  FROM main.history m WHERE m.session = ?1 AND m.uid = h.uid)) o"
	" ORDER BY o.id";
static const char entries_here[] =
	"INSERT INTO temp.merge_entries (session, side, id, uid, at, field, row_id, fkey,"
	" target) SELECT ?1, 0, m.id, m.uid, m.at, m.field, m.row_id,"
	" CASE (SELECT k.key FROM temp.merge_keys k WHERE k.kind = m.field)"
	" WHEN 1 THEN m.target"
	" WHEN 2 THEN coalesce(" RECORD_UID("main", "m") ", '')"
	" WHEN 3 THEN m.target ELSE '' END, m.target"
	" FROM (SELECT h.*, coalesce(" FIELD_OF("main", "h") ", '') AS field"
	"  FROM main.history h WHERE h.session = ?1 AND NOT EXISTS (SELECT 1"
	"  FROM other.history o WHERE o.session = ?1 AND o.uid = h.uid)) m";

/* One field the other copy changed, with each side's latest change. */
typedef struct merge_field {
	char *field, *row_id, *fkey;
	long long there_at, there_target;
	char *there_uid;
	int here_changed;
	long long here_at;
	char *here_uid;
} merge_field;

typedef struct merge_fields {
	merge_field *list;
	size_t n, cap;
} merge_fields;

static const char fields_sql[] =
	"SELECT f.field, f.row_id, f.fkey, t.at, t.target, t.uid,"
	" h.rowid IS NOT NULL, h.at, h.uid FROM"
	" (SELECT field, row_id, fkey, min(rowid) AS first FROM temp.merge_entries"
	"  WHERE session = ?1 AND side = 1 GROUP BY field, row_id, fkey) f"
	" JOIN temp.merge_entries t ON t.rowid = (SELECT x.rowid FROM temp.merge_entries x"
	"  WHERE x.side = 1 AND x.field = f.field AND x.row_id = f.row_id"
	"  AND x.fkey = f.fkey ORDER BY x.at DESC, x.uid DESC LIMIT 1)"
	" LEFT JOIN temp.merge_entries h ON h.rowid = (SELECT x.rowid"
	"  FROM temp.merge_entries x WHERE x.side = 0 AND x.field = f.field"
	"  AND x.row_id = f.row_id AND x.fkey = f.fkey"
	"  ORDER BY x.at DESC, x.uid DESC LIMIT 1)"
	" ORDER BY f.first";

static int field_row(sqlite3_stmt *stmt, void *ctx)
{
	merge_fields *l = ctx;
	merge_field *f;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		if (!(f = realloc(l->list, l->cap * sizeof *f)))
			return 1;
		l->list = f;
	}
	f = &l->list[l->n++];
	memset(f, 0, sizeof *f);
	f->field = store_col_dup(stmt, 0);
	f->row_id = store_col_dup(stmt, 1);
	f->fkey = store_col_dup(stmt, 2);
	f->there_at = sqlite3_column_int64(stmt, 3);
	f->there_target = sqlite3_column_type(stmt, 4) == SQLITE_NULL ? -1
			  : sqlite3_column_int64(stmt, 4);
	f->there_uid = store_col_dup(stmt, 5);
	f->here_changed = sqlite3_column_int(stmt, 6);
	f->here_at = sqlite3_column_int64(stmt, 7);
	f->here_uid = store_col_dup(stmt, 8);
	return !f->field || !f->row_id || !f->fkey || !f->there_uid || !f->here_uid;
}

static void fields_free(merge_fields *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->list[i].field);
		free(l->list[i].row_id);
		free(l->list[i].fkey);
		free(l->list[i].there_uid);
		free(l->list[i].here_uid);
	}
	free(l->list);
}

/* ------------------------------------------------------------ actions */

/* The next action id here, past every one handed out (undo puts deleted
 * actions back under their id), reserved at once. */
static int new_action_id(store *st, long long *id, store_error *err)
{
	static const char base[] =
		"SELECT max(coalesce((SELECT seq FROM main.sqlite_sequence"
		" WHERE name = 'actions'), 0), coalesce((SELECT max(id) FROM main.actions), 0),"
		" coalesce((SELECT max(here) FROM temp.merge_ids WHERE kind = 'action'), 0)) + 1";
	static const char add[] =
		"INSERT INTO main.sqlite_sequence (name, seq) SELECT 'actions', ?1"
		" WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_sequence WHERE name = 'actions')";
	static const char raise[] =
		"UPDATE main.sqlite_sequence SET seq = ?1 WHERE name = 'actions' AND seq < ?1";
	const char *const sql[2] = { add, raise };
	sqlite3_stmt *stmt;
	int i, found, rc = store_step_int(st, store_sql(st, base, err), id, &found,
					  "merge the actions", err);

	for (i = 0; !rc && i < 2; i++) {
		if (!(stmt = store_sql(st, sql[i], err)))
			return store_last(err);
		sqlite3_bind_int64(stmt, 1, *id);
		rc = store_run(st, stmt, "merge the actions", err);
	}
	return rc;
}

/* The record's id here (a new one when it is new here), noted so the
 * other copy's entries about it are renumbered. */
static int id_here(store *st, const char *sid, const merge_kind *k,
		   const merge_field *f, long long *here, store_error *err)
{
	static const char known[] =
		"SELECT here FROM temp.merge_ids WHERE kind = ?1 AND there = ?2";
	static const char find[] =
		"SELECT target FROM main.history WHERE session = ?1 AND uid = ?2";
	static const char note[] =
		"INSERT OR REPLACE INTO temp.merge_ids (kind, there, here) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *stmt;
	int found = 0, rc = store_step_int(st, store_sql_text_int(st, known, k->kind,
								 f->there_target, err),
					   here, &found, "merge a session", err);

	if (found)
		return rc;
	if (!rc)
		rc = store_step_int(st, store_sql_text2(st, find, sid, f->fkey, err),
				    here, &found, "merge a session", err);
	if (!rc && !found)
		rc = k->new_id(st, here, err);
	if (rc)
		return rc;
	if (!(stmt = store_sql_text_int(st, note, k->kind, f->there_target, err)))
		return store_last(err);
	sqlite3_bind_int64(stmt, 3, *here);
	return store_run(st, stmt, "merge a session", err);
}

/* ------------------------------------------------------------ conflicts */

/* The field's name in a conflict line: "row ROW vote of NAME", ... */
static int field_words(const merge_spot *p, const merge_kind *k, const merge_value *h,
		       const merge_value *t, char **out)
{
	static const char who_sql[] =
		"SELECT name FROM main.participants WHERE session = ?1 AND position = ?2";
	static const char brought_sql[] =
		"SELECT text FROM main.brought WHERE session = ?1 AND position = ?2";
	char buf[400], extra[200] = "", *text, q[80];
	sqlite3_stmt *stmt;

	if (k->key == MERGE_KEY_PERSON &&
	    (stmt = store_sql_text_int(p->st, who_sql, p->sid, p->target, NULL))) {
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			store_quote(q, sizeof q, (const char *)sqlite3_column_text(stmt, 0));
			snprintf(extra, sizeof extra, " of %s", q);
		}
		store_done(stmt);
	}
	if (k->key == MERGE_KEY_SAME &&
	    (stmt = store_sql_text_int(p->st, brought_sql, p->sid, p->target, NULL))) {
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			store_quote(q, sizeof q, (const char *)sqlite3_column_text(stmt, 0));
			snprintf(extra, sizeof extra, " '%s'", q);
		}
		store_done(stmt);
	}
	if (k->key == MERGE_KEY_ID) {
		text = action_field(p->st, h->type == SQLITE_TEXT ? h->s : t->s, "$.text");
		store_quote(q, sizeof q, text ? text : "");
		snprintf(extra, sizeof extra, " '%s'", q);
		free(text);
	}
	if (k->per_row)
		snprintf(buf, sizeof buf, "%s %s %s%s", k->per_row == 2 ? "section" : "row",
			 p->row_id, k->what, extra);
	else
		snprintf(buf, sizeof buf, "%s%s", k->what, extra);
	return (*out = strdup(buf)) != NULL;
}

static int conflict_add(store_merge_result *res, const merge_spot *p,
			const merge_kind *k, const merge_field *f, const merge_value *h,
			const merge_value *t, int kept_there, store_error *err)
{
	store_merge_conflict *c = realloc(res->conflicts,
					  (res->n_conflicts + 1) * sizeof *c);
	char words[400];
	int ok;

	if (!c)
		return store_fail(err, STORE_EOS, "out of memory");
	res->conflicts = c;
	c = &c[res->n_conflicts++];
	memset(c, 0, sizeof *c);
	c->here_at = f->here_at;
	c->there_at = f->there_at;
	c->kept_there = kept_there;
	ok = field_words(p, k, h, t, &c->field);
	k->words(p, h, words, sizeof words);
	ok = ok && (c->here = strdup(words)) != NULL;
	k->words(p, t, words, sizeof words);
	ok = ok && (c->there = strdup(words)) != NULL;
	return ok ? STORE_OK : store_fail(err, STORE_EOS, "out of memory");
}

/* ------------------------------------------------------------ resolving */

/* Later wins; at the same second the greater uid, so both directions of
 * a merge choose alike. */
static int there_is_later(const merge_field *f)
{
	if (f->there_at != f->here_at)
		return f->there_at > f->here_at;
	return strcmp(f->there_uid, f->here_uid) > 0;
}

static int resolve_field(store *st, const char *sid, const char *label,
			 const merge_field *f, store_merge_result *res, store_error *err)
{
	const merge_kind *k = kind_named(f->field);
	int rc = STORE_OK, take, renamed = 0;
	merge_spot p = { st, sid, f->row_id, -1, label, &renamed };
	merge_value h, t;

	if (!k || !k->read_sql)
		return STORE_OK;        /* create, join: nothing to combine */
	if (k->key == MERGE_KEY_PERSON || k->key == MERGE_KEY_SAME)
		p.target = strtoll(f->fkey, NULL, 10);
	if (k->key == MERGE_KEY_PERSON && p.target < 0)
		return STORE_OK;
	if (k->key == MERGE_KEY_ID)
		rc = id_here(st, sid, k, f, &p.target, err);
	if (!rc)
		rc = values_read(st, k, sid, f->row_id, p.target, f->there_target, &h, &t,
				 err);
	if (rc)
		return rc;
	take = !value_same(&h, &t) && (!f->here_changed || there_is_later(f));
	if (!value_same(&h, &t) && f->here_changed)
		rc = conflict_add(res, &p, k, f, &h, &t, take, err);
	if (!rc && take)
		rc = k->write(&p, &t, err);
	if (!rc && renamed)
		res->renamed++;
	value_free(&h);
	value_free(&t);
	return rc;
}

/* ------------------------------------------------------------ history */

/* A brought entry's snapshot with the carried action's id here. */
#define BROUGHT_JSON(J) \
	"CASE WHEN e.field = 'brought' THEN " STORE_BROUGHT_RENUMBER(J, \
	"(SELECT a.here FROM temp.merge_ids a WHERE a.kind = 'action'" \
	" AND a.there = json_extract(" J ", '$.carried'))") " ELSE " J " END"

/* The other copy's new entries, appended in their order under new ids,
 * positions and action ids; `undoes` follows once all are in.  They keep
 * their author when that is a participant here; a facilitator's (that
 * copy's own, or one merged into it) become STORE_MERGED_FACILITATOR's,
 * which no undo here reverts. */
static int append_history(store *st, const char *sid, store_error *err)
{
	static const char base[] =
		"SELECT max(coalesce((SELECT seq FROM main.sqlite_sequence"
		" WHERE name = 'history'), 0), coalesce((SELECT max(id) FROM main.history), 0))";
	static const char copy[] =
		"INSERT INTO main.history (id, session, at, kind, row_id, summary,"
		" target, old, new, undoes, actor, uid)"
		" SELECT ?2 + e.rowid, o.session, o.at, o.kind, o.row_id, o.summary,"
		" CASE (SELECT k.key FROM temp.merge_keys k WHERE k.kind = e.field)"
		" WHEN 1 THEN (SELECT p.here FROM temp.merge_people p WHERE p.there = o.target)"
		" WHEN 2 THEN (SELECT a.here FROM temp.merge_ids a WHERE a.kind = e.field"
		"  AND a.there = o.target)"
		" ELSE o.target END,"
		" " BROUGHT_JSON("o.old") ", " BROUGHT_JSON("o.new") ", NULL,"
		" CASE WHEN coalesce(o.actor, -1) < 0 THEN -2 ELSE coalesce((SELECT p.here"
		"  FROM temp.merge_people p WHERE p.there = o.actor), -2) END, o.uid"
		" FROM temp.merge_entries e JOIN other.history o ON o.id = e.id"
		" WHERE e.side = 1 AND o.session = ?1 ORDER BY e.rowid";
	static const char undoes[] =
		"UPDATE main.history SET undoes = (SELECT m.id FROM main.history m"
		" WHERE m.session = ?1 AND m.uid = (SELECT u.uid FROM other.history o"
		" JOIN other.history u ON u.id = o.undoes"
		" WHERE o.session = ?1 AND o.uid = history.uid))"
		" WHERE session = ?1 AND id > ?2";
	const char *const sql[2] = { copy, undoes };
	sqlite3_stmt *stmt;
	long long hbase = 0;
	int i, found, rc = store_step_int(st, store_sql(st, base, err), &hbase,
					  &found, "merge the history", err);

	for (i = 0; !rc && i < 2; i++) {
		if (!(stmt = store_sql_text_int(st, sql[i], sid, hbase, err)))
			return store_last(err);
		rc = store_run(st, stmt, "merge the history", err);
	}
	return rc;
}

/* What is not history: section time takes the larger count, each row's
 * and the session's `updated` the later time, so both directions agree.
 * Turning the secret ballot on shows the votes already cast (their rows
 * count as revealed) without an entry per row: a row neither copy
 * revealed or hid since they parted is revealed when either shows it. */
static int settle(store *st, const char *sid, store_error *err)
{
	static const char *const sql[] = {
		"UPDATE main.answers SET revealed = 1 WHERE session = ?1 AND revealed = 0"
		" AND EXISTS (SELECT 1 FROM other.answers o WHERE o.session = ?1"
		" AND o.row_id = answers.row_id AND o.revealed = 1)"
		" AND NOT EXISTS (SELECT 1 FROM temp.merge_entries e WHERE e.session = ?1"
		" AND e.field = 'reveal' AND e.row_id = answers.row_id)",
		"INSERT OR REPLACE INTO main.section_time (session, section_id, seconds)"
		" SELECT o.session, o.section_id, max(o.seconds, coalesce((SELECT"
		" m.seconds FROM main.section_time m WHERE m.session = o.session"
		" AND m.section_id = o.section_id), 0)) FROM other.section_time o"
		" WHERE o.session = ?1",
		"UPDATE main.answers SET updated = max(updated, coalesce((SELECT o.updated"
		" FROM other.answers o WHERE o.session = answers.session"
		" AND o.row_id = answers.row_id), 0)) WHERE session = ?1",
		"UPDATE main.sessions SET updated = max(updated, (SELECT o.updated"
		" FROM other.sessions o WHERE o.id = sessions.id)) WHERE id = ?1",
	};
	size_t i;
	int rc = STORE_OK;

	for (i = 0; !rc && i < sizeof sql / sizeof sql[0]; i++)
		rc = store_run_text1(st, sql[i], sid, "merge a session", err);
	return rc;
}

/* Rows the other copy's walk opened are opened here too (their scores
 * locked), after the same entry of the shared history; not history
 * themselves, so whether or not the copy holds a new change. */
static int open_rows(store *st, const char *sid, store_error *err)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO main.rows_opened (session, row_id, opened, history_id)"
		" SELECT o.session, o.row_id, o.opened, coalesce((SELECT max(m.id)"
		"  FROM main.history m JOIN other.history h ON h.uid = m.uid"
		"  WHERE m.session = ?1 AND h.session = ?1 AND h.id <= o.history_id), 0)"
		" FROM other.rows_opened o WHERE o.session = ?1";

	return store_run_text1(st, sql, sid, "merge the opened rows", err);
}

/* The session's name here, after the merge, for its conflict lines. */
static int name_conflicts(store *st, const char *sid, store_merge_result *res,
			  size_t from, store_error *err)
{
	static const char sql[] = "SELECT name FROM main.sessions WHERE id = ?1";
	char *name = NULL;
	size_t i;
	int found, rc = store_step_text(st, store_sql_text1(st, sql, sid, err), &name,
					&found, "merge a session", err);

	for (i = from; !rc && i < res->n_conflicts; i++)
		if (!(res->conflicts[i].session = strdup(name ? name : "")))
			rc = store_fail(err, STORE_EOS, "out of memory");
	free(name);
	return rc;
}

/* Each kind's key, for the statements that group and renumber entries. */
static int fill_keys(store *st, store_error *err)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO temp.merge_keys (kind, key) VALUES (?1, ?2)";
	sqlite3_stmt *stmt;
	size_t i;
	int rc = STORE_OK;

	for (i = 0; !rc && i < sizeof merge_kinds / sizeof merge_kinds[0]; i++) {
		if (!(stmt = store_sql_text_int(st, sql, merge_kinds[i].kind,
						merge_kinds[i].key, err)))
			return store_last(err);
		rc = store_run(st, stmt, "merge a session", err);
	}
	return rc;
}

static const char clear_sql[] =
	"DELETE FROM temp.merge_people; DELETE FROM temp.merge_ids;"
	" DELETE FROM temp.merge_entries;";

/* Combines the other copy of session `sid` into this one; *changed is 0
 * when the other copy holds no change this one lacks (nothing is done). */
int store_merge_fields(store *st, const char *sid, const char *label,
		       store_merge_result *res, int *changed, store_error *err)
{
	merge_fields l = { NULL, 0, 0 };
	size_t i, from = res->n_conflicts;
	int rc = store_exec(st, clear_sql, "merge a session", err);

	*changed = 0;
	if (!rc)
		rc = fill_keys(st, err);
	if (!rc)
		rc = map_people(st, sid, err);
	if (!rc)
		rc = map_carried(st, sid, err);
	if (!rc)
		rc = store_run_text1(st, entries_there, sid, "merge the history", err);
	if (!rc)
		*changed = sqlite3_changes(st->db) > 0;
	if (!rc && *changed)
		rc = store_run_text1(st, entries_here, sid, "merge the history", err);
	if (!rc && *changed)
		rc = store_each(st, fields_sql, sid, field_row, &l, "merge a session", err);
	for (i = 0; !rc && i < l.n; i++)
		rc = resolve_field(st, sid, label, &l.list[i], res, err);
	fields_free(&l);
	if (!rc && *changed)
		rc = append_history(st, sid, err);
	if (!rc && *changed)
		rc = settle(st, sid, err);
	if (!rc)
		rc = open_rows(st, sid, err);
	if (!rc)
		rc = name_conflicts(st, sid, res, from, err);
	return rc;
}
