/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_history.c - the append-only record of changes, and undo.
 *
 * Every change appends one entry holding the value before (`old`) and after
 * (`new`).  Undo never deletes: it writes the old value back and appends an
 * "undo" entry whose `undoes` names the entry it reverted, so pressing undo
 * again walks further back through changes not yet undone, and the history
 * still says what happened in the room.
 *
 * What `old` and `new` hold, by kind:
 *   agreed   state * 16 + stage + 1 (stage is -1 unless agreed)
 *   vote     the vote (STORE_VOTE_NONE when there was none); target = participant
 *   note     the note text
 *   reveal   0 or 1
 *   action   the action as a JSON object, NULL when it did not exist; target = id
 *   rename   the name
 *   secret   0 or 1
 *   organisation, facilitator   the text
 *   minutes  the planned minutes
 *   section_minutes  a section's planned minutes, 0 for its share of the
 *            rows; row_id = the section's id
 *   participant   the participant's name; target = position
 *   type     the session's track (CONTENT_TRACK_LGPO or CONTENT_TRACK_PCN)
 *   remove   old: the removed participant and their votes as JSON
 *            (store_setup.c), new NULL; target = position
 *   brought  a brought action's outcome as a JSON object (store_brought.c);
 *            target = its position
 *   create, join   not undone by undo
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* old/new columns take a number, a text or NULL as the kind needs. */
static void bind_value(sqlite3_stmt *stmt, int i, const store_value *v)
{
	if (v->type == SQLITE_INTEGER)
		sqlite3_bind_int64(stmt, i, v->i);
	else if (v->type == SQLITE_TEXT)
		store_bind_text(stmt, i, v->s);
	else
		sqlite3_bind_null(stmt, i);
}

/* This handle's actor as the history records them: -1 for the
 * facilitator, else the participant's position (the handle holds their
 * index, as front ends count them). */
static int actor_position(store *st, const char *sid, long long *out, store_error *err)
{
	int pos = -1, rc;

	*out = STORE_FACILITATOR;
	if (st->actor == STORE_FACILITATOR)
		return STORE_OK;
	rc = store_participant_position(st, sid, st->actor, &pos, err);
	if (!rc && pos < 0)
		rc = store_fail(err, STORE_EDATA, "you are no longer a participant of "
				"this session");
	*out = pos;
	return rc;
}

/* Called inside every change's transaction, so history and data agree.
 * The facilitator's entries leave `actor` NULL (and so never name the
 * column: the tests write through a schema older than it). */
int store_history_add(store *st, const char *session_id, long long now,
		      const store_entry *e, store_error *err)
{
	static const char sql[] =
		"INSERT INTO history (session, at, kind, row_id, summary, target, old, new,"
		" undoes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
	static const char by_participant[] =
		"INSERT INTO history (session, at, kind, row_id, summary, target, old, new,"
		" undoes, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
	sqlite3_stmt *stmt;
	long long actor;
	int rc = actor_position(st, session_id, &actor, err);

	if (rc)
		return rc;
	stmt = store_sql(st, st->actor == STORE_FACILITATOR ? sql : by_participant, err);
	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, session_id);
	sqlite3_bind_int64(stmt, 2, now);
	store_bind_text(stmt, 3, e->kind);
	store_bind_text(stmt, 4, e->row_id);
	store_bind_text(stmt, 5, e->summary);
	if (e->target >= 0)
		sqlite3_bind_int64(stmt, 6, e->target);
	bind_value(stmt, 7, &e->old_value);
	bind_value(stmt, 8, &e->new_value);
	if (e->undoes > 0)
		sqlite3_bind_int64(stmt, 9, e->undoes);
	if (st->actor != STORE_FACILITATOR)
		sqlite3_bind_int64(stmt, 10, actor);
	return store_run(st, stmt, "record the history", err);
}

/* ------------------------------------------------------------ reading */

/* An entry with what its words need, all from stored values: the action
 * snapshots' fields, the voter's name, the session's stage labels, and
 * whether the secret ballot hides the row's votes now. */
#define CHANGE_SELECT \
	"SELECT h.id, h.at, h.kind, h.row_id, h.summary, coalesce(h.undoes, 0)," \
	" EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.id)," \
	" coalesce(h.target, -1), h.old, h.new," \
	" CASE WHEN h.kind IN ('action', 'brought') THEN json_extract(h.old, '$.text') END," \
	" CASE WHEN h.kind = 'action' THEN json_extract(h.old, '$.owner') END," \
	" CASE WHEN h.kind = 'action' THEN json_extract(h.old, '$.due') END," \
	" CASE h.kind WHEN 'action' THEN json_extract(h.old, '$.done')" \
	"  WHEN 'brought' THEN json_extract(h.old, '$.outcome') END," \
	" CASE WHEN h.kind IN ('action', 'brought') THEN json_extract(h.new, '$.text') END," \
	" CASE WHEN h.kind = 'action' THEN json_extract(h.new, '$.owner') END," \
	" CASE WHEN h.kind = 'action' THEN json_extract(h.new, '$.due') END," \
	" CASE h.kind WHEN 'action' THEN json_extract(h.new, '$.done')" \
	"  WHEN 'brought' THEN json_extract(h.new, '$.outcome') END," \
	" CASE WHEN h.kind = 'vote' THEN (SELECT name FROM participants p" \
	"  WHERE p.session = h.session AND p.position = h.target) END," \
	" s.stage_labels," \
	" (s.secret_ballot OR h.kind = 'vote' AND EXISTS (SELECT 1 FROM votes b" \
	"  WHERE b.session = h.session AND b.row_id = h.row_id" \
	"  AND b.given_before = 1))" \
	" AND NOT coalesce((SELECT revealed FROM answers a" \
	"  WHERE a.session = h.session AND a.row_id = h.row_id), 0)," \
	" coalesce(h.actor, -1), (SELECT name FROM participants p" \
	"  WHERE p.session = h.session AND p.position = h.actor)," \
	" CASE WHEN h.kind = 'remove' THEN json_extract(h.old, '$.name') END" \
	" FROM history h JOIN sessions s ON s.id = h.session"

enum { COL_OLD = 8, COL_NEW = 9, COL_OLD_ACTION = 10, COL_NEW_ACTION = 14,
       COL_WHO = 18, COL_LABELS = 19, COL_HIDDEN = 20, COL_ACTOR = 21,
       COL_ACTOR_NAME = 22, COL_REMOVED = 23 };

static const struct {
	const char *name;
	enum store_change_kind type;
} kinds[] = {
	{ "create", STORE_CHANGE_CREATE }, { "rename", STORE_CHANGE_RENAME },
	{ "secret", STORE_CHANGE_SECRET }, { "join", STORE_CHANGE_JOIN },
	{ "agreed", STORE_CHANGE_AGREED }, { "vote", STORE_CHANGE_VOTE },
	{ "note", STORE_CHANGE_NOTE }, { "reveal", STORE_CHANGE_REVEAL },
	{ "action", STORE_CHANGE_ACTION }, { "undo", STORE_CHANGE_UNDO },
	{ "type", STORE_CHANGE_TYPE }, { "remove", STORE_CHANGE_REMOVE },
	{ "brought", STORE_CHANGE_BROUGHT },
};

static enum store_change_kind kind_of(const char *name)
{
	size_t i;

	for (i = 0; name && i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].type;
	return STORE_CHANGE_OTHER;
}

static void value_free(store_change_value *v)
{
	free(v->text);
	free(v->owner);
	free(v->due);
	free(v->label);
	memset(v, 0, sizeof *v);
}

/* The label of `stage` when it names one; 0 when out of memory. */
static int value_label(store_change_value *v, const char *labels, int stage)
{
	char label[200];

	if (stage < 0)
		return 1;
	store_label_of(labels, stage, label, sizeof label);
	return (v->label = strdup(label)) != NULL;
}

/* One side of a change from its old or new column (`raw`) and, for an
 * action, the four fields taken from its snapshot (from column
 * `action`).  Returns 0 when out of memory. */
static int read_value(sqlite3_stmt *stmt, int raw, int action,
		      enum store_change_kind type, const char *labels,
		      store_change_value *v)
{
	long long i = sqlite3_column_int64(stmt, raw);

	memset(v, 0, sizeof *v);
	v->stage = -1;
	v->set = sqlite3_column_type(stmt, raw) != SQLITE_NULL;
	if (!v->set)
		return 1;
	switch (type) {
	case STORE_CHANGE_AGREED:
		v->state = (enum store_row_state)(i / 16);
		v->stage = (int)(i % 16) - 1;
		return v->state != STORE_ROW_AGREED || value_label(v, labels, v->stage);
	case STORE_CHANGE_VOTE:
		v->number = (int)i;
		return value_label(v, labels, v->number);
	case STORE_CHANGE_REVEAL:
	case STORE_CHANGE_SECRET:
		v->number = i != 0;
		return 1;
	case STORE_CHANGE_TYPE:
		v->number = (int)i;
		return 1;
	case STORE_CHANGE_REMOVE:
		return raw != COL_OLD || (v->text = store_col_dup(stmt, COL_REMOVED)) != NULL;
	case STORE_CHANGE_NOTE:
	case STORE_CHANGE_RENAME:
	case STORE_CHANGE_JOIN:
		return (v->text = store_col_dup(stmt, raw)) != NULL;
	case STORE_CHANGE_ACTION:
		v->text = store_col_dup(stmt, action);
		v->owner = store_col_dup(stmt, action + 1);
		v->due = store_col_dup(stmt, action + 2);
		v->number = sqlite3_column_int(stmt, action + 3) != 0;
		return v->text && v->owner && v->due;
	case STORE_CHANGE_BROUGHT:
		v->text = store_col_dup(stmt, action);
		v->number = sqlite3_column_int(stmt, action + 3);
		return v->text != NULL;
	default:
		return 1;
	}
}

void store_change_clear(store_change *c)
{
	free(c->kind);
	free(c->row_id);
	free(c->summary);
	free(c->who);
	free(c->actor_name);
	value_free(&c->before);
	value_free(&c->after);
	memset(c, 0, sizeof *c);
}

/* One row of CHANGE_SELECT; 0 when out of memory (`c` then holds what
 * was read, for store_change_clear). */
static int read_change(sqlite3_stmt *stmt, store_change *c)
{
	const char *labels = (const char *)sqlite3_column_text(stmt, COL_LABELS);

	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(stmt, 0);
	c->at = sqlite3_column_int64(stmt, 1);
	c->kind = store_col_dup(stmt, 2);
	c->type = kind_of(c->kind);
	c->row_id = store_col_dup(stmt, 3);
	c->summary = store_col_dup(stmt, 4);
	c->undoes = sqlite3_column_int64(stmt, 5);
	/* a change is reverted only by an undo, an undo only by a redo */
	if (c->type == STORE_CHANGE_UNDO)
		c->redone = sqlite3_column_int(stmt, 6);
	else
		c->undone = sqlite3_column_int(stmt, 6);
	c->redo = c->type != STORE_CHANGE_UNDO && c->undoes > 0;
	c->actor = sqlite3_column_int(stmt, COL_ACTOR);
	c->actor_name = store_col_dup(stmt, COL_ACTOR_NAME);
	c->target = sqlite3_column_int64(stmt, 7);
	c->hidden = c->type == STORE_CHANGE_VOTE && sqlite3_column_int(stmt, COL_HIDDEN);
	if (c->type == STORE_CHANGE_VOTE)
		c->who = store_col_dup(stmt, COL_WHO);
	else if (c->type == STORE_CHANGE_JOIN)
		c->who = store_col_dup(stmt, COL_NEW);
	if ((c->type == STORE_CHANGE_VOTE || c->type == STORE_CHANGE_JOIN) && !c->who)
		return 0;
	return c->kind && c->row_id && c->summary && c->actor_name &&
	       read_value(stmt, COL_OLD, COL_OLD_ACTION, c->type, labels ? labels : "",
			  &c->before) &&
	       read_value(stmt, COL_NEW, COL_NEW_ACTION, c->type, labels ? labels : "",
			  &c->after);
}

/* The entry `id` of the session, as store_history lists it. */
static int read_one_change(store *st, const char *sid, long long id,
			   store_change *out, store_error *err)
{
	static const char sql[] = CHANGE_SELECT " WHERE h.session = ?1 AND h.id = ?2";
	sqlite3_stmt *stmt = store_sql(st, sql, err);
	int rc, ok = 1;

	if (!stmt)
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	sqlite3_bind_int64(stmt, 2, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		ok = read_change(stmt, out);
	store_done(stmt);
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
				      "read the history");
	if (!ok) {
		store_change_clear(out);
		return store_fail(err, STORE_EOS, "out of memory");
	}
	return STORE_OK;
}

/* ------------------------------------------------------------ wording */

static void action_words(const store_change *c, char *out, size_t size)
{
	const store_change_value *b = &c->before, *a = &c->after;
	const char *verb = "changed";
	char quote[80];

	if (!b->set)
		verb = "added";
	else if (!a->set)
		verb = "deleted";
	else if (strcmp(b->text, a->text) == 0 && strcmp(b->owner, a->owner) == 0 &&
		 strcmp(b->due, a->due) == 0)
		verb = a->number ? "completed" : "reopened";
	store_quote(quote, sizeof quote, a->set ? a->text : b->set ? b->text : "");
	snprintf(out, size, "%s an action: %s", verb, quote);
}

static void agreed_words(const store_change_value *a, char *out, size_t size)
{
	switch (a->state) {
	case STORE_ROW_AGREED:
		snprintf(out, size, "agreed %s", a->label ? a->label : "?");
		break;
	case STORE_ROW_NOT_APPLICABLE:
		snprintf(out, size, "marked not applicable");
		break;
	case STORE_ROW_NOT_DISCUSSED:
		snprintf(out, size, "parked");
		break;
	default:
		snprintf(out, size, "cleared the agreement");
		break;
	}
}

/* While the secret ballot hides the row's votes the words say who
 * voted, never what. */
static void vote_words(const store_change *c, char *out, size_t size)
{
	const store_change_value *a = &c->after;
	char who[80];

	store_quote(who, sizeof who, c->who ? c->who : "");
	if (a->number == STORE_VOTE_NONE)
		snprintf(out, size, "%s withdrew the vote", who);
	else if (c->hidden)
		snprintf(out, size, "%s voted", who);
	else if (a->number == STORE_VOTE_DONT_KNOW)
		snprintf(out, size, "%s voted don't know", who);
	else
		snprintf(out, size, "%s voted %s", who, a->label ? a->label : "?");
}

static void rename_words(const store_change *c, char *out, size_t size)
{
	char from[80], to[80];

	store_quote(from, sizeof from, c->before.text ? c->before.text : "");
	store_quote(to, sizeof to, c->after.text ? c->after.text : "");
	snprintf(out, size, "renamed the session from '%s' to '%s'", from, to);
}

static void note_words(const store_change *c, char *out, size_t size)
{
	const char *before = c->before.text ? c->before.text : "";
	const char *after = c->after.text ? c->after.text : "";

	snprintf(out, size, "%s the note", !*after ? "cleared" : *before ? "changed"
							  : "added");
}

static void brought_words(const store_change *c, char *out, size_t size)
{
	char quote[80];

	store_quote(quote, sizeof quote, c->after.text ? c->after.text : "");
	snprintf(out, size, "marked last session's action %s: %s",
		 store_outcome_words((enum store_outcome)c->after.number), quote);
}

void store_change_words(const store_change *c, char *out, size_t size)
{
	char who[80];

	if (!size)
		return;
	switch (c->type) {
	case STORE_CHANGE_AGREED: agreed_words(&c->after, out, size); break;
	case STORE_CHANGE_VOTE: vote_words(c, out, size); break;
	case STORE_CHANGE_NOTE: note_words(c, out, size); break;
	case STORE_CHANGE_REVEAL:
		snprintf(out, size, "%s the votes", c->after.number ? "revealed" : "hid");
		break;
	case STORE_CHANGE_ACTION: action_words(c, out, size); break;
	case STORE_CHANGE_RENAME: rename_words(c, out, size); break;
	case STORE_CHANGE_SECRET:
		snprintf(out, size, "turned the secret ballot %s",
			 c->after.number ? "on" : "off");
		break;
	case STORE_CHANGE_JOIN:
		store_quote(who, sizeof who, c->who ? c->who : "");
		snprintf(out, size, "%s joined", who);
		break;
	case STORE_CHANGE_TYPE:
		snprintf(out, size, "changed the type to %s",
			 c->after.number == CONTENT_TRACK_PCN ? "PCN" : "LGPO");
		break;
	case STORE_CHANGE_REMOVE:
		store_quote(who, sizeof who, c->before.text ? c->before.text : "");
		snprintf(out, size, "removed participant '%s'", who);
		break;
	case STORE_CHANGE_BROUGHT: brought_words(c, out, size); break;
	case STORE_CHANGE_CREATE: snprintf(out, size, "created the session"); break;
	case STORE_CHANGE_UNDO: snprintf(out, size, "undid an earlier change"); break;
	default: snprintf(out, size, "changed the session"); break;
	}
}

/* ------------------------------------------------------------ undo */

typedef struct undo_entry {
	long long id, at, target;
	char *kind, *row_id, *summary, *old_text, *new_text;
	store_value old_value, new_value;
} undo_entry;

/* Frees what last_candidate filled. */
static void undo_entry_free(undo_entry *u)
{
	free(u->kind);
	free(u->row_id);
	free(u->summary);
	free(u->old_text);
	free(u->new_text);
}

/* Copies an old/new column; returns 0 when out of memory. */
static int copy_value(sqlite3_stmt *stmt, int i, store_value *v, char **keep)
{
	v->type = sqlite3_column_type(stmt, i);
	if (v->type == SQLITE_INTEGER) {
		v->i = sqlite3_column_int64(stmt, i);
	} else if (v->type == SQLITE_NULL) {
		v->s = NULL;
	} else {
		v->type = SQLITE_TEXT;
		*keep = store_col_dup(stmt, i);
		v->s = *keep;
		return *keep != NULL;
	}
	return 1;
}

/* Reads one candidate row: id, kind (of the field), row_id, target,
 * summary, old, new, at. */
static int read_candidate(store *st, sqlite3_stmt *stmt, undo_entry *u, int *found,
			  store_error *err)
{
	int rc = sqlite3_step(stmt), ok = 1;

	if (rc == SQLITE_ROW) {
		*found = 1;
		u->id = sqlite3_column_int64(stmt, 0);
		u->kind = store_col_dup(stmt, 1);
		u->row_id = store_col_dup(stmt, 2);
		u->target = sqlite3_column_int64(stmt, 3);
		u->summary = store_col_dup(stmt, 4);
		u->at = sqlite3_column_int64(stmt, 7);
		ok = copy_value(stmt, 5, &u->old_value, &u->old_text) &&
		     copy_value(stmt, 6, &u->new_value, &u->new_text) &&
		     u->kind && u->row_id && u->summary;
	}
	store_done(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the history");
	if (!ok)
		return store_fail(err, STORE_EOS, "out of memory");
	return STORE_OK;
}

/* The latest change by this handle's actor that undo can revert and has
 * not: a change or a redo, never an undo, a creation or a join. */
static const char undoable_sql[] =
	"SELECT id, kind, row_id, coalesce(target, -1), summary, old, new, at"
	" FROM history h WHERE session = ?1 AND coalesce(actor, -1) = ?2"
	" AND kind NOT IN ('create', 'join', 'undo')"
	" AND NOT EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.id)"
	" ORDER BY id DESC LIMIT 1";

/* The latest undo by this actor not yet redone, provided they have made
 * no new change since it (a redo is not a new change).  Read as the
 * change to write: the field's kind and the undone change's summary, and
 * `old` is the value the redo puts back. */
static const char redoable_sql[] =
	"SELECT u.id, k.kind, u.row_id, coalesce(u.target, -1), k.summary,"
	" u.old, u.new, u.at"
	" FROM history u JOIN history k ON k.id = u.undoes"
	" WHERE u.session = ?1 AND u.kind = 'undo' AND coalesce(u.actor, -1) = ?2"
	" AND NOT EXISTS (SELECT 1 FROM history r WHERE r.undoes = u.id)"
	" AND NOT EXISTS (SELECT 1 FROM history n WHERE n.session = u.session"
	"  AND n.id > u.id AND coalesce(n.actor, -1) = ?2 AND n.undoes IS NULL"
	"  AND n.kind NOT IN ('create', 'join'))"
	" ORDER BY u.id DESC LIMIT 1";

/* The latest candidate for undo, or with `redo` for redo, of `actor`
 * (actor_position) in session `sid` (the statement cache is keyed by the
 * SQL literal's address, so each keeps its statement). */
static int last_candidate(store *st, const char *sid, long long actor, int redo,
			  undo_entry *u, int *found, store_error *err)
{
	sqlite3_stmt *stmt;

	memset(u, 0, sizeof *u);
	*found = 0;
	if (!(stmt = store_sql_text_int(st, redo ? redoable_sql : undoable_sql, sid, actor,
					err)))
		return store_last(err);
	return read_candidate(st, stmt, u, found, err);
}

/* STORE_EDATA, saying who, when someone other than `actor` has changed
 * the same field (kind, row and target) after entry `u` was written:
 * reverting it would overwrite their change. */
static int check_not_built_on(store *st, const char *sid, long long actor,
			      const undo_entry *u, const char *verb, store_error *err)
{
	static const char sql[] =
		"SELECT coalesce(h.actor, -1), (SELECT name FROM participants p"
		"  WHERE p.session = h.session AND p.position = h.actor)"
		" FROM history h WHERE h.session = ?1 AND h.id > ?2"
		" AND coalesce(h.row_id, '') = ?3 AND coalesce(h.target, -1) = ?4"
		" AND coalesce(h.actor, -1) <> ?5"
		" AND CASE WHEN h.kind = 'undo' THEN (SELECT k.kind FROM history k"
		"  WHERE k.id = h.undoes) ELSE h.kind END = ?6"
		" ORDER BY h.id DESC LIMIT 1";
	sqlite3_stmt *stmt;
	char who[120], what[80];
	int rc;

	if (!(stmt = store_sql(st, sql, err)))
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	sqlite3_bind_int64(stmt, 2, u->id);
	store_bind_text(stmt, 3, u->row_id);
	sqlite3_bind_int64(stmt, 4, u->target);
	sqlite3_bind_int64(stmt, 5, actor);
	store_bind_text(stmt, 6, u->kind);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		if (sqlite3_column_int(stmt, 0) == STORE_MERGED_FACILITATOR)
			snprintf(who, sizeof who, "a facilitator in a merged copy");
		else if (sqlite3_column_int(stmt, 0) < 0)
			snprintf(who, sizeof who, "the facilitator");
		else
			store_quote(who, sizeof who,
				    (const char *)sqlite3_column_text(stmt, 1));
	}
	store_done(stmt);
	if (rc == SQLITE_DONE)
		return STORE_OK;
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "read the history");
	store_quote(what, sizeof what, u->summary);
	return store_fail(err, STORE_EDATA,
			  "Cannot %s \"%s\": %s has changed it since, and that"
			  " change stays", verb, what, who);
}

/* STORE_EDATA when entry `u` is a score given before the workshop
 * opened its row (or the undo of one) and the row is open now: the
 * discussion has begun, so the score is changed in the room instead. */
static int check_not_opened(store *st, const char *sid, const undo_entry *u,
			    const char *verb, store_error *err)
{
	static const char sql[] =
		"SELECT 1 FROM rows_opened WHERE session = ?1 AND row_id = ?2"
		" AND history_id >= ?3";
	sqlite3_stmt *stmt;
	int rc;

	if (strcmp(u->kind, "vote") != 0)
		return STORE_OK;
	if (!(stmt = store_sql(st, sql, err)))
		return store_last(err);
	store_bind_text(stmt, 1, sid);
	store_bind_text(stmt, 2, u->row_id);
	sqlite3_bind_int64(stmt, 3, u->id);
	rc = sqlite3_step(stmt);
	store_done(stmt);
	if (rc == SQLITE_DONE)
		return STORE_OK;
	if (rc != SQLITE_ROW)
		return store_fail_sql(st, err, rc, "read the opened rows");
	return store_fail(err, STORE_EDATA, "Cannot %s the score on %s: the workshop"
			  " has opened that row", verb, u->row_id);
}

/* A vote or a name change of a participant removed since cannot be put
 * back: they are no longer there to hold it (undoing the removal first
 * brings them back). */
static int still_there(store *st, const char *sid, const undo_entry *u,
		       store_error *err)
{
	static const char sql[] =
		"SELECT 1 FROM participants WHERE session = ?1 AND position = ?2";
	long long v = 0;
	int found = 0, rc = store_step_int(st, store_sql_text_int(st, sql, sid, u->target, err),
					   &v, &found, "read the participants", err);

	if (!rc && !found)
		rc = store_fail(err, STORE_EDATA, "Cannot undo \"%s\": that participant "
				"has been removed", u->summary);
	return rc;
}

/* Puts the entry's old value back, through the same writers as a change. */
static int revert(store *st, const char *sid, const undo_entry *u, long long now,
		  store_error *err)
{
	const store_value *o = &u->old_value;
	long long i = o->i;

	if (strcmp(u->kind, "agreed") == 0)
		return store_write_agreed(st, sid, u->row_id, (enum store_row_state)(i / 16),
					  (int)(i % 16) - 1, now, err);
	if (strcmp(u->kind, "vote") == 0 || strcmp(u->kind, "participant") == 0) {
		int rc = still_there(st, sid, u, err);

		if (rc)
			return rc;
	}
	if (strcmp(u->kind, "vote") == 0)
		/* Only a scorer undoes on a row not yet opened: putting
		 * their earlier score back (check_not_opened refuses
		 * once the row is open). */
		return store_write_vote(st, sid, u->row_id, (int)u->target, (int)i,
					st->actor >= 0, now, err);
	if (strcmp(u->kind, "note") == 0)
		return store_write_note(st, sid, u->row_id, o->s, now, err);
	if (strcmp(u->kind, "reveal") == 0)
		return store_write_revealed(st, sid, u->row_id, (int)i, now, err);
	if (strcmp(u->kind, "action") == 0)
		return store_write_action(st, sid, u->target, o->s, err);
	if (strcmp(u->kind, "brought") == 0)
		return store_write_brought(st, sid, (int)u->target, o->s, err);
	if (strcmp(u->kind, "rename") == 0)
		return store_write_name(st, sid, o->s ? o->s : "", err);
	if (strcmp(u->kind, "secret") == 0)
		return store_write_secret(st, sid, (int)i, err);
	if (strcmp(u->kind, "organisation") == 0 || strcmp(u->kind, "facilitator") == 0)
		return store_write_session_text(st, sid, u->kind, o->s, err);
	if (strcmp(u->kind, "minutes") == 0)
		return store_write_minutes(st, sid, (int)i, err);
	if (strcmp(u->kind, "section_minutes") == 0)
		return store_write_section_minutes(st, sid, u->row_id, (int)i, err);
	if (strcmp(u->kind, "participant") == 0)
		return store_write_participant(st, sid, (int)u->target, o->s ? o->s : "", err);
	if (strcmp(u->kind, "type") == 0)
		return store_write_track(st, sid, (unsigned)i, err);
	if (strcmp(u->kind, "remove") == 0)
		return store_write_removed(st, sid, (int)u->target, o->s, u->new_value.s,
					   err);
	return store_fail(err, STORE_EDATA, "cannot undo a change of kind '%s'", u->kind);
}

/* Undo (redo = 0) or redo inside the change's transaction.  Returns -1
 * when there is nothing left to undo or redo.  `out` gets the change
 * undone, or for a redo the change redone. */
static int revert_in_tx(store *st, const char *sid, int redo, long long now,
			store_change *out, store_error *err)
{
	char summary[600];
	store_entry e = { "undo", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	undo_entry u;
	long long actor, shown;
	int found = 0, rc = actor_position(st, sid, &actor, err);

	memset(&u, 0, sizeof u);
	if (!rc)
		rc = last_candidate(st, sid, actor, redo, &u, &found, err);
	if (!rc && !found)
		rc = -1;
	if (!rc)
		rc = check_not_built_on(st, sid, actor, &u, redo ? "redo" : "undo", err);
	if (!rc)
		rc = check_not_opened(st, sid, &u, redo ? "redo" : "undo", err);
	if (!rc)
		rc = revert(st, sid, &u, now, err);
	if (!rc) {
		snprintf(summary, sizeof summary, "%s: %s", redo ? "Redid" : "Undid",
			 u.summary);
		if (redo)
			e.kind = u.kind;
		e.row_id = u.row_id;
		e.target = u.target;
		e.old_value = u.new_value;
		e.new_value = u.old_value;
		e.undoes = u.id;
		rc = store_history_add(st, sid, now, &e, err);
	}
	shown = redo ? sqlite3_last_insert_rowid(st->db) : u.id;
	if (!rc)
		rc = read_one_change(st, sid, shown, out, err);
	undo_entry_free(&u);
	return rc;
}

/* Undo and redo are themselves changes: they bump `updated` and append
 * an entry. */
static int revert_change(store *st, const char *session_id, int redo,
			 store_change *out, int *done, store_error *err)
{
	long long now;
	int rc;

	memset(out, 0, sizeof *out);
	*done = 0;
	rc = store_change_begin(st, session_id, &now, err);
	if (rc)
		return rc;
	rc = revert_in_tx(st, session_id, redo, now, out, err);
	if (rc == -1) {
		/* nothing to undo or redo: leave `updated` as it was */
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	rc = store_change_end(st, rc, err);
	if (rc)
		store_change_clear(out);
	else
		*done = 1;
	return rc;
}

int store_undo_entry(store *st, const char *session_id, store_change *undone_out,
		     int *undone, store_error *err)
{
	return revert_change(st, session_id, 0, undone_out, undone, err);
}

int store_redo_entry(store *st, const char *session_id, store_change *redone_out,
		     int *redone, store_error *err)
{
	return revert_change(st, session_id, 1, redone_out, redone, err);
}

/* For the tests: the undone change's summary only. */
int store_undo(store *st, const char *session_id, int *undone, char *what,
	       size_t what_size, store_error *err)
{
	store_change c;
	int rc = store_undo_entry(st, session_id, &c, undone, err);

	if (what && what_size)
		snprintf(what, what_size, "%s", *undone ? c.summary : "");
	store_change_clear(&c);
	return rc;
}

/* ------------------------------------------------------------ authors */

int store_vote_author(store *st, const char *session_id, const char *row_id,
		      int participant, int *actor, store_error *err)
{
	static const char sql[] =
		"SELECT coalesce(actor, -1) FROM history h WHERE session = ?1"
		" AND row_id = ?2 AND target = ?3 AND (kind = 'vote' OR (kind = 'undo'"
		"  AND (SELECT k.kind FROM history k WHERE k.id = h.undoes) = 'vote'))"
		" ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *stmt;
	int position = -1, who = STORE_FACILITATOR, rc, started;

	*actor = STORE_FACILITATOR;
	if ((rc = store_read_begin(st, &started, err)))
		return rc;
	/* the caller counts by index, the history by position */
	rc = store_participant_position(st, session_id, participant, &position, err);
	stmt = rc ? NULL : store_sql(st, sql, err);
	if (!rc && !stmt)
		rc = store_last(err);
	if (!rc) {
		store_bind_text(stmt, 1, session_id);
		store_bind_text(stmt, 2, row_id);
		sqlite3_bind_int(stmt, 3, position);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW)
			who = sqlite3_column_int(stmt, 0);
		store_done(stmt);
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK
			: store_fail_sql(st, err, rc, "read the history");
	}
	if (!rc && who >= 0)
		rc = store_participant_index(st, session_id, who, actor, err);
	store_read_end(st, started);
	if (!rc)
		store_ok(err);
	return rc;
}

/* ------------------------------------------------------------ listing */

/* Frees what store_history filled. */
void store_history_free(store_change *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_change_clear(&list[i]);
	free(list);
}

/* Steps the query into a growing array. */
static int read_changes(store *st, sqlite3_stmt *stmt, store_change **out,
			size_t *n, store_error *err)
{
	store_change *list = NULL, *c;
	size_t cap = 0;
	int rc, ok = 1;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*n == cap) {
			c = realloc(list, (cap ? cap * 2 : 32) * sizeof *c);
			if (!c)
				break;
			list = c;
			cap = cap ? cap * 2 : 32;
		}
		ok = read_change(stmt, &list[(*n)++]);
		if (!ok)
			break;
	}
	store_done(stmt);
	*out = list;
	if (rc == SQLITE_ROW)
		return store_fail(err, STORE_EOS, "out of memory");
	if (rc != SQLITE_DONE)
		return store_fail_sql(st, err, rc, "read the history");
	return STORE_OK;
}

/* One read transaction: the session check and the list agree. */
int store_history(store *st, const char *session_id, long long since,
		  store_change **out, size_t *n, store_error *err)
{
	static const char exists[] = "SELECT 1 FROM sessions WHERE id = ?1";
	static const char sql[] = CHANGE_SELECT
		" WHERE h.session = ?1 AND h.at >= ?2 ORDER BY h.id";
	sqlite3_stmt *stmt;
	int rc, started, step;

	*out = NULL;
	*n = 0;
	rc = store_read_begin(st, &started, err);
	stmt = rc ? NULL : store_sql(st, exists, err);
	if (!rc && !stmt)
		rc = store_last(err);
	if (!rc) {
		store_bind_text(stmt, 1, session_id);
		step = sqlite3_step(stmt);
		store_done(stmt);
		if (step == SQLITE_DONE)
			rc = store_fail(err, STORE_ENOINPUT, "no session with id '%s'",
					session_id);
		else if (step != SQLITE_ROW)
			rc = store_fail_sql(st, err, step, "read the history");
	}
	stmt = rc ? NULL : store_sql(st, sql, err);
	if (!rc && !stmt)
		rc = store_last(err);
	if (!rc) {
		store_bind_text(stmt, 1, session_id);
		sqlite3_bind_int64(stmt, 2, since);
		rc = read_changes(st, stmt, out, n, err);
	}
	store_read_end(st, started);
	if (rc) {
		store_history_free(*out, *n);
		*out = NULL;
		*n = 0;
	} else {
		store_ok(err);
	}
	return rc;
}
