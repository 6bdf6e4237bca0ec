/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store.h - the workshop store: sessions, answers and their history in
 * one SQLite file.
 *
 * The promise to facilitators rests here: every change function commits its
 * own transaction (WAL, synchronous=FULL) before it returns 0, so anything
 * the screen shows as recorded survives kill -9, a dropped SSH link or a
 * full disk.  A failed write rolls back, returns a status and leaves what
 * was stored before untouched.  SQL only ever carries user text as bound
 * parameters.  Rows are named by their stable content ids, never by
 * position.
 *
 * All functions return 0 on success or one of the store_status codes, and
 * then fill `err` with a one-line message (pass a real store_error).
 *
 * Environment:
 *   NEXTSTEPS_NOW           Unix seconds used as "now" for every timestamp
 *                           (created, updated, history), so tests and golden
 *                           reports are deterministic; otherwise time(NULL).
 *                           "@FILE": the seconds written in FILE, read each
 *                           time (a test moves the clock while it runs).
 *   NEXTSTEPS_BUSY_TIMEOUT  milliseconds to wait for another process's lock
 *                           before STORE_EBUSY (default 5000).
 *
 * A change that changes nothing (the same stage again, the same note)
 * returns 0 and records nothing, not even in the history.
 */
#ifndef NEXTSTEPS_STORE_H
#define NEXTSTEPS_STORE_H

#include <stddef.h>

#include "content.h"

/* Exit statuses (sysexits.h values), used by the command line as they are. */
enum store_status {
	STORE_OK = 0,
	STORE_EUSAGE = 64,      /* bad argument (e.g. an empty name) */
	STORE_EDATA = 65,       /* not a database, corrupt, newer schema, duplicate name */
	STORE_ENOINPUT = 66,    /* no such file or session */
	STORE_EOS = 71,         /* out of memory */
	STORE_ECANTCREAT = 73,  /* cannot create the file or its folder */
	STORE_EIO = 74,         /* write failed: read-only, disk full, I/O error */
	STORE_EBUSY = 75        /* locked by another process past the timeout */
};

typedef struct store_error {
	enum store_status status;
	char message[512];
} store_error;

typedef struct store store;

enum store_open_flags {
	STORE_OPEN_CREATE = 1,    /* create the file (mode 0600) and its folder */
	STORE_OPEN_READONLY = 2,
	/* The caller only reads (list, report): where this process cannot
	 * write the file or its folder, it is opened read-only instead of
	 * failing (a WAL file with no -wal waiting is read as immutable). */
	STORE_OPEN_READER = 8
};

/* The database path: $NEXTSTEPS_DB, else $XDG_DATA_HOME/nextsteps/nextsteps.db,
 * else $HOME/.local/share/nextsteps/nextsteps.db. */
int store_default_path(char *out, size_t size, store_error *err);

/* The mode a new private file at `path` gets, whatever the umask: 0660
 * inside a group-writable setgid folder (shared on purpose), else 0600.
 * The database is created so, and so are reports. */
unsigned store_create_mode(const char *path);

/* Opens (and migrates) the database, checking that it is ours and its
 * exact schema; the pages themselves are checked by store_check (their
 * damage met while reading is STORE_EDATA too), so opening costs the same
 * whatever the file's size.
 * Failures: no file and no STORE_OPEN_CREATE -> STORE_ENOINPUT; not an
 * SQLite file, another program's SQLite file, a corrupt file or a schema
 * from a newer nextsteps -> STORE_EDATA; a folder or file that cannot be
 * created -> STORE_ECANTCREAT; a WAL file in a read-only folder -> STORE_EIO.
 * A read-only file opens; its changes fail with STORE_EIO. */
store *store_open(const char *path, unsigned flags, store_error *err);
void store_close(store *st);
/* Reads every page (PRAGMA integrity_check): 0, or STORE_EDATA with the
 * first problem on one line ("FILE: damaged (database is corrupt: ...)"). */
int store_check(store *st, store_error *err);
const char *store_path(const store *st);

/* Who makes the changes through this handle, so the history says who made
 * each one and undo and redo are per person: the facilitator (the
 * default) or the participant at position `participant` voting at their
 * own terminal (join). */
#define STORE_FACILITATOR (-1)
/* In the history only: a facilitator's change made in another copy of the
 * file and merged in (or a participant's whom this copy does not know).
 * No one's undo here reverts it, so a merge never hands one person's
 * change to another person's undo. */
#define STORE_MERGED_FACILITATOR (-2)
void store_set_actor(store *st, int participant);
/* Changes whenever any process commits to the file (PRAGMA data_version):
 * a cheap way for a second terminal to know it must reload. */
long long store_data_version(store *st);

/* ------------------------------------------------------------ sessions */

typedef struct store_session {
	char id[40];              /* UUID-like, unique across databases */
	char *name;
	char *organisation;       /* "" when not given */
	char *facilitator;        /* "" when not given */
	unsigned track;           /* CONTENT_TRACK_LGPO or CONTENT_TRACK_PCN */
	char *matrix_id;
	char *matrix_version;
	long long created;        /* Unix seconds */
	long long updated;        /* last change of any kind */
	int rows_total;           /* rows of the snapshot that apply to the track */
	int rows_answered;        /* agreed or not applicable */
	int secret_ballot;        /* votes hidden until revealed */
	char *current_section;    /* facilitator's position, NULL before any */
	char *current_row;
	int show_note;            /* watchers see the row's note (live room) */
	int open_join;            /* join --as takes any name, unasked */
	int planned_minutes;      /* the workshop's planned length */
	char **participants;      /* in order; filled by store_session_find only */
	size_t n_participants;
} store_session;

typedef struct store_new_session {
	const char *name;
	const char *organisation;   /* may be NULL */
	const char *facilitator;    /* may be NULL */
	unsigned track;             /* CONTENT_TRACK_LGPO (default) or _PCN */
	const char *const *participants;
	size_t n_participants;
	int secret_ballot;
	int open_join;              /* anyone may join without being admitted */
	int planned_minutes;        /* 0: STORE_MINUTES_DEFAULT */
} store_new_session;

/* A workshop's planned length in minutes. */
#define STORE_MINUTES_DEFAULT 90
#define STORE_MINUTES_MIN 15
#define STORE_MINUTES_MAX 600

/* Creates a session run against `m`, storing m->text as its snapshot.
 * A name already in use gives STORE_EDATA ("a session named 'X' already
 * exists").  `id_out` (may be NULL) receives the new id. */
int store_session_create(store *st, const store_new_session *spec,
			 const content_matrix *m, char id_out[40], store_error *err);
/* All sessions, most recently updated first (participants not filled).
 * "Most recent" is the order of changes, so sessions changed within one
 * clock second (or under a fixed NEXTSTEPS_NOW) still sort correctly.
 * Every change function, including set_position and add_time, counts. */
int store_session_list(store *st, store_session **out, size_t *n, store_error *err);
void store_session_list_free(store_session *list, size_t n);
/* At most `limit` sessions of that list from position `offset` (0 is the
 * newest), so a screen reads only the lines it shows; free the rows with
 * store_session_list_free. */
int store_session_page(store *st, size_t offset, size_t limit,
		       store_session **out, size_t *n, store_error *err);
/* How many sessions there are. */
int store_session_count(store *st, size_t *total, store_error *err);
/* The position of session `id` in the list's order (0: the newest);
 * STORE_ENOINPUT when there is none. */
int store_session_position(store *st, const char *id, size_t *pos,
			   store_error *err);
/* One session by name, or by id; STORE_ENOINPUT when there is none. */
int store_session_find(store *st, const char *name_or_id, store_session *out,
		       store_error *err);
/* The most recently updated session; STORE_ENOINPUT when there is none. */
int store_session_latest(store *st, store_session *out, store_error *err);
/* The latest session of the same organisation (its name in any case) on
 * the same matrix id that was created before `s`; STORE_ENOINPUT when
 * there is none, or when `s` names no organisation. */
int store_session_previous(store *st, const store_session *s, store_session *out,
			   store_error *err);
/* What the trend and the benchmark compare with, on s's matrix id: the
 * sessions of s's organisation (compared without regard to case) created
 * before s, at most `max_earlier` for each spelling of the name, newest
 * first; and the latest session of each other organisation name (exact
 * spelling; sessions naming none are left out).  Participants are not
 * filled.  The cost follows the number of organisations, not of sessions.
 * Free both with store_session_list_free. */
int store_session_related(store *st, const store_session *s, size_t max_earlier,
			  store_session **earlier, size_t *n_earlier,
			  store_session **others, size_t *n_others,
			  store_error *err);
void store_session_clear(store_session *s);
/* The exact matrix text the session was created with (malloc'd). */
int store_session_matrix(store *st, const char *session_id, char **text,
			 store_error *err);
int store_session_rename(store *st, const char *session_id, const char *name,
			 store_error *err);
int store_session_delete(store *st, const char *session_id, store_error *err);
/* Fixing the set-up: each change is one history entry, undone by undo.
 * The organisation and facilitator may be ""; the minutes run from
 * STORE_MINUTES_MIN to STORE_MINUTES_MAX (else STORE_EUSAGE). */
enum store_session_text { STORE_SESSION_ORG, STORE_SESSION_FACILITATOR };
int store_session_set_text(store *st, const char *session_id,
			   enum store_session_text field, const char *value,
			   store_error *err);
int store_session_set_minutes(store *st, const char *session_id, int minutes,
			      store_error *err);
/* Renames participant `old` to `name`, keeping their votes (which belong
 * to the position); `old` unknown is STORE_ENOINPUT, `name` already in
 * the session STORE_EDATA. */
int store_participant_rename(store *st, const char *session_id, const char *old,
			     const char *name, store_error *err);
/* Changes the session's type (CONTENT_TRACK_LGPO or _PCN, else
 * STORE_EUSAGE) and re-derives the rows that apply: answers, votes and
 * actions on rows outside the new type are kept in the file but read by
 * nobody (not shown, counted or reported) until the type changes back. */
int store_session_set_track(store *st, const char *session_id, unsigned track,
			    store_error *err);
/* Removes participant `name` and their votes; everyone else keeps theirs.
 * *votes (may be NULL) receives how many votes they had; with votes and
 * no `force` nothing changes and it fails with STORE_EDATA.  Unknown
 * `name` is STORE_ENOINPUT.  Undo puts them and their votes back. */
int store_participant_remove(store *st, const char *session_id, const char *name,
			     int force, int *votes, store_error *err);
/* How many votes participant `name` has given (STORE_ENOINPUT: none such),
 * for a front end asking before it removes them. */
int store_participant_votes(store *st, const char *session_id, const char *name,
			    int *votes, store_error *err);
int store_session_set_secret(store *st, const char *session_id, int secret,
			     store_error *err);
/* Where the facilitator is; not part of the undo history. */
int store_session_set_position(store *st, const char *session_id,
			       const char *section_id, const char *row_id,
			       store_error *err);
/* Adds seconds spent on a section (the section timer). */
int store_session_add_time(store *st, const char *session_id,
			   const char *section_id, long long seconds, store_error *err);
/* Adds a participant at the end (used by `join --as NAME`); an existing name
 * is not added twice.  *index receives the participant's index (0: the
 * first in order; the same number store_set_vote and the votes arrays
 * use). */
int store_participant_add(store *st, const char *session_id, const char *name,
			  int *index, store_error *err);

/* ------------------------------------------------------------ the live room */

/* Who has a session open right now, one row per process.  A
 * process writes its row every few seconds (a heartbeat) and removes it
 * when it closes the session; a row whose last_seen is old, or whose
 * process is gone, belongs to someone who is away.  None of this is
 * history, and none of it changes the session's `updated` or its place in
 * the list.  `now` is passed in (real seconds, not NEXTSTEPS_NOW) because
 * liveness needs a clock that moves. */
enum store_role {
	STORE_ROLE_FACILITATOR = 0,
	STORE_ROLE_WATCHER = 1,
	STORE_ROLE_PARTICIPANT = 2,
	STORE_ROLE_ASKING = 3,         /* join --as a name that is not a
					  participant: waits to be admitted */
	STORE_ROLE_REFUSED = 4         /* the facilitator refused it */
};

typedef struct store_presence {
	char host[256];
	long long pid;
	enum store_role role;
	char *name;                    /* the participant's name, or a login */
	long long last_seen;           /* Unix seconds */
} store_presence;

/* Writes (or refreshes) this process's row; drops rows of the session not
 * seen for an hour, so the table never grows. */
int store_presence_beat(store *st, const char *session_id, const store_presence *me,
			long long now, store_error *err);
/* Removes this process's row (the session was closed). */
int store_presence_leave(store *st, const char *session_id, const char *host,
			 long long pid, store_error *err);
/* Every row of the session, by role word (asking, facilitator,
 * participant, refused, watcher), then by name. */
int store_presence_list(store *st, const char *session_id, store_presence **out,
			size_t *n, store_error *err);
void store_presence_free(store_presence *list, size_t n);
/* Refuses every process of the session asking to join as `name`: their
 * rows turn "refused" (their own heartbeat never turns them back), which
 * the joiner reads as its answer.  Admitting is store_participant_add. */
int store_presence_refuse(store *st, const char *session_id, const char *name,
			  store_error *err);
/* A number that changes whenever the session or its answers change (not
 * presence): a follower reloads the session only when it moved. */
int store_session_stamp(store *st, const char *session_id, long long *stamp,
			store_error *err);
/* Shows the row's note on watchers' screens, or hides it.  A display choice:
 * not history, so undo passes it by. */
int store_session_set_show_note(store *st, const char *session_id, int show,
				store_error *err);

/* ------------------------------------------------------------ answers */

enum store_row_state {
	STORE_ROW_OPEN = 0,            /* nothing decided yet */
	STORE_ROW_AGREED = 1,          /* `stage` holds the agreed stage */
	STORE_ROW_NOT_APPLICABLE = 2,
	STORE_ROW_NOT_DISCUSSED = 3
};

enum store_vote {
	STORE_VOTE_NONE = -1,
	STORE_VOTE_DONT_KNOW = -2      /* otherwise a stage index 0..8 */
};

typedef struct store_action {
	long long id;
	char *row_id;
	char *text;
	char *owner;                   /* "" when none */
	char *due;                     /* "YYYY-MM-DD" or "" */
	int done;
} store_action;

/* What became of an action brought from the previous session. */
enum store_outcome {
	STORE_OUTCOME_NOT_REVIEWED = 0,
	STORE_OUTCOME_DONE,
	STORE_OUTCOME_IN_PROGRESS,
	STORE_OUTCOME_DROPPED,
	STORE_OUTCOME_CARRIED,         /* an action of this session now */
	STORE_OUTCOME_COUNT
};

/* An action of the organisation's previous session that was not done,
 * brought into this one for review when it was created. */
typedef struct store_brought {
	int position;                  /* 0.. in the order they were brought */
	char *from_id, *from_name;     /* the session it came from */
	long long from_action;         /* its id there */
	char *row_id, *text, *owner, *due;
	int row_gone;                  /* this session's matrix has no such row */
	enum store_outcome outcome;
	long long carried;             /* carried forward: the action of this
					  session it became; else 0 */
} store_brought;

typedef struct store_row_answer {
	char *row_id;
	enum store_row_state state;
	int stage;                     /* when AGREED, else -1 */
	char *note;                    /* "" when none */
	int *votes;                    /* n_participants entries (store_vote or stage) */
	int revealed;                  /* secret-ballot votes revealed for this row */
	long long updated;
	int *before;                   /* n_participants entries: 1 when that
					  vote is a score given before the
					  workshop opened the row */
	int scored;                    /* how many of them are */
} store_row_answer;

typedef struct store_section_time {
	char *section_id;
	long long seconds;
	int planned_minutes;           /* set by the facilitator; 0: the
					  section's share of the rows */
} store_section_time;

/* Everything recorded for one session; its cost follows the session's size,
 * not the database's. */
typedef struct store_answers {
	size_t n_participants;
	store_row_answer *rows;        /* only rows with something recorded */
	size_t n_rows;
	store_action *actions;         /* in creation order */
	size_t n_actions;
	store_section_time *times;
	size_t n_times;
	store_brought *brought;        /* by position */
	size_t n_brought;
	size_t *brought_by_row;        /* indexes into brought, by row id then
					  position (store_answers_brought_of) */
} store_answers;

int store_answers_load(store *st, const char *session_id, store_answers *out,
		       store_error *err);
void store_answers_free(store_answers *a);
/* The answer for a row, or NULL when nothing is recorded for it. */
const store_row_answer *store_answers_row(const store_answers *a, const char *row_id);
/* One row's answer, votes included (`n_participants` entries, as in the
 * session's store_answers), in one read: what a screen needs after it
 * changed that row, at a cost that does not follow the session's size.
 * *found is 0 when nothing is recorded for the row (out stays zeroed). */
int store_answer_load_row(store *st, const char *session_id, const char *row_id,
			  size_t n_participants, store_row_answer *out, int *found,
			  store_error *err);
/* Frees what store_answer_load_row filled; safe on a zeroed struct. */
void store_row_answer_clear(store_row_answer *r);

/* Each of these is one committed transaction plus one history entry. */
int store_set_agreed(store *st, const char *session_id, const char *row_id,
		     enum store_row_state state, int stage, store_error *err);
int store_set_vote(store *st, const char *session_id, const char *row_id,
		   int participant, int vote, store_error *err);
int store_set_note(store *st, const char *session_id, const char *row_id,
		   const char *note, store_error *err);
int store_set_revealed(store *st, const char *session_id, const char *row_id,
		       int revealed, store_error *err);
/* Reveals every row whose votes are hidden (a secret ballot's, or a row
 * holding private scores) in one transaction, one history entry per row
 * (undo takes them back a row at a time); *n_revealed says how many. */
int store_reveal_all(store *st, const char *session_id, int *n_revealed,
		     store_error *err);
int store_action_add(store *st, const char *session_id, const char *row_id,
		     const char *text, const char *owner, const char *due,
		     long long *id_out, store_error *err);
int store_action_update(store *st, const char *session_id, long long action_id,
			const char *text, const char *owner, const char *due,
			int done, store_error *err);
int store_action_delete(store *st, const char *session_id, long long action_id,
			store_error *err);

/* ------------------------------------------------------------ pacing */

/* Plans `minutes` for one section of the session (1 to
 * STORE_MINUTES_MAX), or with 0 lets it take its share of the rows
 * again (report/plan.h shares the rest of the workshop among the other
 * sections).  In the history (kind section_minutes, row_id the section's
 * id) and undone by undo.  Out of range or no section: STORE_EUSAGE.
 * The section id is not checked against the matrix: callers pass one of
 * the session's sections.  (db/store_pacing.c) */
int store_section_set_minutes(store *st, const char *session_id,
			      const char *section_id, int minutes, store_error *err);

/* ------------------------------------------------------------ private scores */

/* A participant scores the rows privately before the workshop (`nextsteps
 * score`): each score is their vote on the row, given before the
 * facilitator's walk reached it, and marked so (store_row_answer.before).
 * The walk reaching a row (store_session_set_position) opens it, once and
 * durably; from then on its scores are locked for the scorers, and a vote
 * changed in the room is one given during the workshop.  While a row
 * holds a score given before the workshop, its votes are hidden as a
 * secret ballot's are, until the facilitator reveals the row. */

/* The position of the participant whose name is `name` once the blanks
 * around both are trimmed (exact otherwise); STORE_ENOINPUT with a message
 * naming how many participants `s` has (never their names).  `s` must
 * come from store_session_find, which fills the participants. */
int store_score_participant(const store_session *s, const char *name, int *index,
			    store_error *err);
/* Records `participant`'s score on the row (a stage index,
 * STORE_VOTE_DONT_KNOW, or STORE_VOTE_NONE to take it back) as one change
 * with its history entry, made under that participant as the actor (call
 * store_set_actor(st, participant) first, else STORE_EUSAGE), so their
 * undo and redo reach only their own scores.  A row the workshop has
 * opened is locked: STORE_EDATA ("ROW is locked: ..."), nothing written. */
int store_score_set(store *st, const char *session_id, const char *row_id,
		    int participant, int vote, store_error *err);
/* The rows of the session the workshop has opened, sorted by id. */
typedef struct store_opened_rows {
	char **ids;
	size_t n;
} store_opened_rows;
int store_rows_opened(store *st, const char *session_id, store_opened_rows *out,
		      store_error *err);
int store_rows_opened_has(const store_opened_rows *o, const char *row_id);
void store_rows_opened_free(store_opened_rows *o);

/* ------------------------------------------------------------ brought actions */

/* Creating a session for an organisation that already has one (the same
 * name, compared without regard to case, on any matrix) brings every
 * action of its most recent such session that is not done into the new
 * one, in the same transaction: text, owner, due date and row id are
 * kept, and a row the new matrix lacks is kept with row_gone set.  A
 * session naming no organisation brings nothing. */

/* Sets the outcome of brought action `position`: one change with its
 * history entry, undone by undo.  Carrying forward adds the action to
 * this session (its id in *action_out, which may be NULL), and leaving
 * carried forward deletes that action again.  Failures: no such position
 * -> STORE_ENOINPUT; carrying forward an action whose row is gone, or an
 * outcome out of range -> STORE_EUSAGE. */
int store_brought_set(store *st, const char *session_id, int position,
		      enum store_outcome outcome, long long *action_out,
		      store_error *err);
/* The outcome in words: "not yet reviewed", "done", "in progress",
 * "dropped", "carried forward"; and as the exports name it:
 * "not_reviewed", "done", "in_progress", "dropped", "carried_forward". */
const char *store_outcome_words(enum store_outcome outcome);
const char *store_outcome_name(enum store_outcome outcome);
/* How many brought actions belong to `row_id`, found without reading
 * them all (a walk asks on every row); *first, when any, is the place in
 * a->brought_by_row of the first, the rest following it. */
size_t store_answers_brought_of(const store_answers *a, const char *row_id,
				size_t *first);
/* The brought action that became action `action_id` of the session, or
 * NULL. */
const store_brought *store_answers_brought_for(const store_answers *a,
					       long long action_id);

/* ------------------------------------------------------------ history */

/* History summaries are complete sentences built when the change is made,
 * naming rows by id and stages by the label of the session's snapshot:
 *   "Created the session"            "Renamed the session from 'A' to 'B'"
 *   "Agreed Build on ROW"            "Cleared the agreement on ROW"
 *   "Marked ROW not applicable"      "Parked ROW"
 *   "NAME voted Build on ROW"        "NAME voted don't know on ROW"
 *   "NAME voted on ROW" (secret ballot: the vote itself is not written)
 *   "NAME withdrew the vote on ROW"  "Added|Changed|Cleared the note on ROW"
 *   "Revealed|Hid the votes on ROW"  "Turned the secret ballot on|off"
 *   "Added|Changed|Completed|Reopened|Deleted an action on ROW: TEXT"
 *   "NAME joined"                    "Undid: <summary of the undone change>"
 *   "Marked an action from NAME done|in progress|dropped|carried forward|
 *    not yet reviewed on ROW: TEXT"
 * User text in a summary is its first line, cut at 60 bytes with "...";
 * it is not cleaned for the terminal (use text_clean).
 * Kinds: create, rename, secret, join, agreed, vote, note, reveal, action,
 * undo, and the set-up's (organisation, facilitator, minutes, participant,
 * section_minutes: "Planned 20 minutes for section SECTION (was ...)"),
 * brought.  Undo reverts agreed, vote, note, reveal, action, brought, rename
 * and secret;
 * it skips create and join.  Position and section time are not history.
 * A summary is for a person reading the history and is never parsed:
 * each entry also keeps its values before and after the change, and
 * store_change_words builds a change's words from those. */
enum store_change_kind {
	STORE_CHANGE_OTHER = 0,        /* a kind this version does not know */
	STORE_CHANGE_CREATE,
	STORE_CHANGE_RENAME,
	STORE_CHANGE_SECRET,
	STORE_CHANGE_JOIN,
	STORE_CHANGE_AGREED,
	STORE_CHANGE_VOTE,
	STORE_CHANGE_NOTE,
	STORE_CHANGE_REVEAL,
	STORE_CHANGE_ACTION,
	STORE_CHANGE_UNDO,
	STORE_CHANGE_TYPE,             /* the session's type (track) */
	STORE_CHANGE_REMOVE,           /* a participant removed */
	STORE_CHANGE_BROUGHT           /* a brought action's outcome */
};

/* One side (before or after) of a change, read from the history's stored
 * values, never from its summary. */
typedef struct store_change_value {
	int set;                       /* 0: nothing (an action not yet added,
					  or deleted; a name before a join) */
	enum store_row_state state;    /* agreed: the row's state */
	int stage;                     /* agreed: the stage, -1 unless agreed */
	int number;                    /* vote: a store_vote or a stage index;
					  reveal, secret: 0 or 1; action: done;
					  type: the track; brought: the
					  store_outcome */
	char *text;                    /* note, rename, join: the text; action,
					  brought: its text; remove: the participant's
					  name (before); else NULL */
	char *owner, *due;             /* action: its owner and due date */
	char *label;                   /* agreed on a stage, vote for a stage:
					  the stage's label; else NULL */
} store_change_value;

typedef struct store_change {
	long long id;
	long long at;                  /* Unix seconds */
	char *kind;                    /* the stored name: "agreed", "vote", ... */
	enum store_change_kind type;   /* the same, as a value */
	char *row_id;                  /* may be "" */
	char *summary;                 /* one line a person can read */
	long long undoes;              /* kind "undo": the id it reverted; a redo:
					  the id of the undo it reverted; else 0 */
	int undone;                    /* a later "undo" entry reverted this one */
	int redone;                    /* kind "undo": a later redo reverted it */
	int redo;                      /* this change is a redo (of `undoes`) */
	int actor;                     /* who made it: STORE_FACILITATOR,
					  STORE_MERGED_FACILITATOR, or the
					  position of the participant who made
					  it at their own terminal */
	char *actor_name;              /* that participant's name, "" for the
					  facilitator */
	long long target;              /* vote, join: the participant's position;
					  action: its id; else -1 */
	store_change_value before, after;
	char *who;                     /* vote, join: the participant's name */
	int hidden;                    /* vote: the secret ballot hides the row's
					  votes now */
} store_change;

/* Undoes the latest change of the session made through this handle's
 * actor (store_set_actor) and not yet undone, itself recorded in the
 * history, and says which change it undid, so a screen can show that
 * change's row and name it in its own words.  It never reverts another
 * person's change: when someone else has changed the same field since
 * (the same row's agreed stage, note or reveal, the same participant's
 * vote, the same action, the session's name or ballot), nothing changes
 * and it fails with STORE_EDATA and a message saying who.  Nothing is
 * deleted from the history: an "undo" entry is appended, so calling it
 * again walks further back.  Undoing a rename whose old name was taken
 * since gives STORE_EDATA and changes nothing.  *undone is 0 when there
 * is nothing left to undo.  With *undone set,
 * `undone_out` holds the undone entry as store_history would list it: id,
 * at, kind, row_id ("" for a rename or the secret ballot), summary, and
 * `undone` 1.  Otherwise (nothing to undo, or a failure) it is zeroed.
 * Free it with store_change_clear, which is safe on a zeroed one. */
int store_undo_entry(store *st, const char *session_id, store_change *undone_out,
		     int *undone, store_error *err);
/* Redoes what this actor's latest undo not yet redone reverted, as long
 * as they have made no new change since (a redo is not one): the entry
 * appended has the undone change's kind and values, summary "Redid:
 * ...", and `undoes` naming the undo it reverts, so it can be undone in
 * turn.  Refused like undo when someone else has changed the field
 * since.  *redone is 0 when there is nothing to redo; with it set,
 * `redone_out` holds the new entry. */
int store_redo_entry(store *st, const char *session_id, store_change *redone_out,
		     int *redone, store_error *err);
void store_change_clear(store_change *c);
/* Who made the last change to participant `participant`'s vote on the
 * row: STORE_FACILITATOR (also when no change is recorded), or the
 * position of the participant who voted at their own terminal. */
int store_vote_author(store *st, const char *session_id, const char *row_id,
		      int participant, int *actor, store_error *err);
/* The session's changes since `since` (Unix seconds), oldest first, as
 * the history screen and `nextsteps history` list them; STORE_ENOINPUT
 * when there is no such session.  Free with store_history_free. */
int store_history(store *st, const char *session_id, long long since,
		  store_change **out, size_t *n, store_error *err);
void store_history_free(store_change *list, size_t n);
/* A change in words, with its row left out, for a caller that names the
 * row itself: "agreed Build", "marked not applicable", "Ann voted Build"
 * ("Ann voted" while the secret ballot hides the row's votes), "added an
 * action: Call the LMC", "renamed the session from 'A' to 'B'".  Built
 * from the change's stored values, so rewording a summary never changes
 * it.  User text is quoted as in the summaries, not yet cleaned. */
void store_change_words(const store_change *c, char *out, size_t size);

/* A short, one-line quote of user text as the history summaries hold it:
 * the first line, cut at 60 bytes (on a character boundary) with "...".
 * Not cleaned for the terminal. */
void store_quote(char *out, size_t size, const char *s);

/* Limits on what people type, so that screens, reports and the file stay
 * usable: longer text is refused (STORE_EUSAGE) with a message naming the
 * limit, never cut silently.  Characters, not bytes, except for notes. */
#define STORE_MAX_NAME 200              /* session, organisation, facilitator,
					   participant, action owner */
#define STORE_MAX_PARTICIPANTS 500
#define STORE_MAX_ACTION 2000           /* an action's text */
#define STORE_MAX_NOTE (1024 * 1024)    /* bytes of one row's note */

/* ------------------------------------------------------------ merging */

/* One field both copies changed differently since they diverged: the
 * later change won (at equal times, the one whose history entry has the
 * greater identity), the other stays in the history.  User text is not
 * cleaned for the terminal (use text_clean). */
typedef struct store_merge_conflict {
	char *session;                 /* the session's name here, after the merge */
	char *field;                   /* "row ROW agreed", "row ROW vote of NAME",
					  "row ROW note", "row ROW votes" (shown
					  or hidden), "row ROW action 'TEXT'",
					  "section ID planned minutes", "name",
					  "organisation", "facilitator", "type",
					  "planned minutes", "secret ballot",
					  "participant of NAME" */
	char *here, *there;            /* each copy's value in words */
	long long here_at, there_at;   /* when each copy last changed it */
	int kept_there;                /* 1: the other copy's value was kept */
} store_merge_conflict;

typedef struct store_merge_result {
	int added;                     /* sessions not here before */
	int updated;                   /* sessions here that took changes */
	int skipped_older_or_same;     /* sessions with nothing new */
	int renamed;                   /* added or updated under another name */
	store_merge_conflict *conflicts;   /* in the order met; free with */
	size_t n_conflicts;                /* store_merge_result_free */
} store_merge_result;

/* Brings every session of the database `other_path` into `dst`, so several
 * facilitators' workshops can be reported on together, or a second
 * facilitator's copy of one workshop joins the first.  Sessions are matched
 * by id.  One absent here is copied with all its rows (snapshot shared when
 * identical, action and history ids renumbered).  One present here is
 * combined field by field from both copies' history: the agreed stage,
 * note and reveal of each row, each participant's vote, each action (known
 * by the history entry that first recorded it), the name, organisation,
 * facilitator, planned minutes, secret ballot and participants.  A field
 * only one copy changed since they diverged takes that copy's value; one
 * both changed to different values is a conflict (see
 * store_merge_conflict).  Entries are known across files by their `uid`,
 * so the history entries this file lacks are appended once, and merging
 * the same file again changes nothing; merging A into B or B into A gives
 * the same answers, notes, votes and actions.  A participant who joined in
 * the other copy only is added here (or matched by name).  Section times
 * take the larger of the two.  An incoming name used here by a different
 * session becomes "NAME (from BASE)" (BASE: the file name without ".db"),
 * then "NAME (from BASE, 2)", and so on.  Sessions that changed are placed
 * in the list among the sessions here by their `updated`, never above
 * local ones changed at the same second.  A merge writes no history entry
 * of its own.  The live-room state (presence, show_note) and the
 * facilitator's position are not copied into a session present here.
 *
 * All of one file or nothing: one transaction; on failure `dst` is as it
 * was and *res is zero.  `other_path` is only read; a file from an older
 * nextsteps is upgraded in a private copy in $TMPDIR (else /tmp), never in
 * place.  Failures: no such file -> STORE_ENOINPUT; empty, not ours,
 * corrupt or from a newer nextsteps -> STORE_EDATA; the file `dst` itself
 * -> STORE_EUSAGE; `dst` full or read-only -> STORE_EIO; locked ->
 * STORE_EBUSY. */
int store_merge(store *dst, const char *other_path, store_merge_result *res,
		store_error *err);
/* Frees the conflicts and zeroes *res; safe on a zeroed one. */
void store_merge_result_free(store_merge_result *res);

#endif
