/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* actions.h - every key the screens understand, in one table.
 *
 * ACTION_INFO is the only place a key is bound: the key lookup, the help
 * screen and the one-line hint bar are all generated from it (tig's
 * REQ_INFO, calcurse's keydef[]).  Each entry names the screens where it
 * applies (its scope), up to three keys, an optional hint-bar label, an
 * optional partner action whose key is shown beside it in the hint bar
 * ("j/k row"), and the help text.  The order of the table is the order of
 * the help screen and the priority of the hint bar.
 *
 * Every special key has a letter as well, because function keys, Escape
 * and arrows are unreliable over SSH, tmux and PuTTY.
 */
#ifndef NEXTSTEPS_ACTIONS_H
#define NEXTSTEPS_ACTIONS_H

#include <stddef.h>

#include <curses.h>

/* A key: a character (its code point) or a curses key code | UI_KEY_FN. */
#define UI_KEY_FN 0x1000000
#define KF(k) ((k) | UI_KEY_FN)
#define KCTRL(c) ((c) & 0x1f)
#define KESC 27
/* Stands for the digits 1..9 (the stages); the digit is the argument. */
#define KDIGITS (-2)

/* Where an action applies: a screen's scope is a set of these bits. */
enum action_scope {
	SC_ANY = 1 << 0,         /* every screen */
	SC_TOP = 1 << 1,         /* the sessions list and the walk: q quits */
	SC_SUB = 1 << 2,         /* screens opened from the walk: q goes back */
	SC_LIST = 1 << 3,        /* a list with a selection */
	SC_SESSIONS = 1 << 4,
	SC_WALK = 1 << 5,
	SC_OVERVIEW = 1 << 6,
	SC_VOTES = 1 << 7,
	SC_NOTE = 1 << 8,
	SC_ACTIONS = 1 << 9,
	SC_FORM = 1 << 10,
	SC_HELP = 1 << 11,
	SC_CHANGES = 1 << 12,    /* screens where undo makes sense */
	SC_SUMMARY = 1 << 13,
	SC_WATCH = 1 << 14,      /* nextsteps watch: the read-only live view */
	SC_JOIN = 1 << 15,       /* nextsteps join: a participant's own terminal */
	SC_HISTORY = 1 << 16,    /* the list of the session's changes */
	SC_SCORE = 1 << 17,      /* nextsteps score: private scoring before the workshop */
	SC_SETTINGS = 1 << 18,   /* a session's set-up: details, participants */
	SC_BROUGHT = 1 << 19     /* the actions brought from the previous session */
};

#define ACTION_INFO(_) \
	/* id             scope                  keys                               hint        pair       help */ \
	_(HELP,           SC_ANY,                '?', KF(KEY_F(1)), 0,              "help",     NONE,      "Show this help (F1 in text fields)") \
	_(REDRAW,         SC_ANY,                KCTRL('l'), 0, 0,                  NULL,       NONE,      "Repaint the whole screen") \
	_(QUIT,           SC_TOP,                'q', 0, 0,                         "quit",     NONE,      "Quit; every answer is already saved") \
	_(BACK,           SC_SUB,                'q', KESC, 0,                      "back",     NONE,      "Go back to the previous screen") \
	/* moving in lists */ \
	_(DOWN,           SC_LIST,               'j', KF(KEY_DOWN), 0,              "move",     UP,        "Move down") \
	_(UP,             SC_LIST,               'k', KF(KEY_UP), 0,                NULL,       NONE,      "Move up") \
	_(PAGE_DOWN,      SC_LIST,               KCTRL('f'), KF(KEY_NPAGE), 0,      NULL,       NONE,      "Page down") \
	_(PAGE_UP,        SC_LIST,               KCTRL('b'), KF(KEY_PPAGE), 0,      NULL,       NONE,      "Page up") \
	_(FIRST,          SC_LIST,               'g', KF(KEY_HOME), 0,              NULL,       NONE,      "Go to the first entry") \
	_(LAST,           SC_LIST,               'G', KF(KEY_END), 0,               NULL,       NONE,      "Go to the last entry") \
	/* sessions */ \
	_(OPEN,           SC_SESSIONS,           '\n', 'o', KF(KEY_ENTER),          "open",     NONE,      "Open the selected session and walk the matrix") \
	_(SESSION_NEW,    SC_SESSIONS,           'n', 0, 0,                         "new",      NONE,      "Start a new session (a short form)") \
	_(SESSION_RENAME, SC_SESSIONS,           'r', 0, 0,                         "rename",   NONE,      "Rename the selected session") \
	_(SESSION_DELETE, SC_SESSIONS,           'D', KF(KEY_DC), 0,                "delete",   NONE,      "Delete the selected session (type its name to confirm)") \
	/* the walk */ \
	_(ROW_NEXT,       SC_WALK,               'j', KF(KEY_DOWN), KF(KEY_RIGHT),  "row",      ROW_PREV,  "Next row (rows of the other track are skipped)") \
	_(ROW_PREV,       SC_WALK,               'k', KF(KEY_UP), KF(KEY_LEFT),     NULL,       NONE,      "Previous row") \
	_(STAGE_SET,      SC_WALK,               KDIGITS, 0, 0,                     "agree",    NONE,      "Agree the stage with this number") \
	_(VOTES,          SC_WALK,               'v', 0, 0,                         "votes",    NONE,      "Record each participant's vote for the row") \
	_(NOTE,           SC_WALK,               'n', 0, 0,                         "note",     NONE,      "Write the note for the row") \
	_(ACTIONS,        SC_WALK,               'a', 0, 0,                         "actions",  NONE,      "List and add the actions agreed for the row") \
	_(PROMPTS,        SC_WALK,               'f', 0, 0,                         "prompts",  NONE,      "For the facilitator: the row's prompts, what to look for and the glossary terms it uses (again to hide them)") \
	_(PARK,           SC_WALK,               'z', 0, 0,                         "park",     NONE,      "Park the row: skip it on purpose, to come back to (again to unpark it)") \
	_(OVERVIEW,       SC_WALK,               'o', 0, 0,                         "overview", NONE,      "All sections with progress; jump to one") \
	_(SECTION_PREV,   SC_WALK,               '[', KF(KEY_PPAGE), 0,             "section",  SECTION_NEXT, "Previous section") \
	_(SECTION_NEXT,   SC_WALK,               ']', KF(KEY_NPAGE), 0,             NULL,       NONE,      "Next section") \
	_(NOT_APPLICABLE, SC_WALK,               'x', 0, 0,                         "n/a",      NONE,      "Mark the row not applicable (again to reopen it)") \
	_(STAGE_CLEAR,    SC_WALK,               '0', 0, 0,                         NULL,       NONE,      "Clear the agreed stage (the row is open again)") \
	_(REPORT,         SC_WALK | SC_SUMMARY,  'p', 0, 0,                         "report",   NONE,      "Write the printable report next to the database") \
	_(REPORT_AS,      SC_WALK | SC_SUMMARY,  'P', 0, 0,                         NULL,       NONE,      "Write the report to a file you name (not with --kiosk)") \
	_(SUMMARY,        SC_WALK | SC_OVERVIEW, 's', 0, 0,                         "summary",  NONE,      "Summary: profile, disagreements, actions, changes") \
	_(SESSIONS,       SC_WALK,               'S', KESC, 0,                      NULL,       NONE,      "Back to the list of sessions") \
	_(HISTORY,        SC_WALK,               'H', 0, 0,                         NULL,       NONE,      "History: every change of the session, who made it, newest first") \
	/* overview */ \
	_(JUMP,           SC_OVERVIEW,           '\n', KF(KEY_ENTER), 0,            "go",       NONE,      "Walk the selected section") \
	_(SECTION_MINUTES, SC_OVERVIEW,          'm', 0, 0,                         "minutes",  NONE,      "Plan the selected section's minutes (blank: its share of the rows); the other sections share the rest") \
	/* votes */ \
	_(VOTE_SET,       SC_VOTES,              KDIGITS, 0, 0,                     "vote",     NONE,      "The selected participant votes for this stage") \
	_(VOTE_DONT_KNOW, SC_VOTES,              'd', 0, 0,                         "don't know", NONE,    "The selected participant does not know") \
	_(VOTE_CLEAR,     SC_VOTES,              '0', KF(KEY_DC), 0,                "clear",    NONE,      "Clear the selected participant's vote (asks first when they cast it at their own terminal; the history says you cleared it)") \
	_(REVEAL,         SC_VOTES,              'r', 0, 0,                         "reveal",   NONE,      "Secret ballot or private scores: reveal (or hide again) the row's votes") \
	_(REVEAL_ALL,     SC_VOTES,              'R', 0, 0,                         NULL,       NONE,      "Reveal the votes on every row still hidden (secret ballot or private scores)") \
	_(ACCEPT,         SC_VOTES,              '\n', KF(KEY_ENTER), 0,            "agree",    NONE,      "Agree the suggested stage: the lower where views differ, as maturity-matrix guidance advises. Asks before replacing a stage already agreed") \
	_(SECRET,         SC_VOTES,              'b', 0, 0,                         "ballot",   NONE,      "Secret ballot on or off for the session") \
	_(PARTICIPANT_ADD, SC_VOTES | SC_SETTINGS, '+', 0, 0,                       "add",      NONE,      "Add a participant") \
	/* session settings */ \
	_(SETTINGS,       SC_SESSIONS | SC_WALK, 'e', 0, 0,                         "settings", NONE,      "Session settings: name, organisation, facilitator, type, minutes and participants") \
	_(SETTINGS_EDIT,  SC_SETTINGS,           'e', '\n', KF(KEY_ENTER),          "edit",     NONE,      "Change the name, organisation, facilitator, type or planned minutes") \
	_(PARTICIPANT_RENAME, SC_SETTINGS,       'r', 0, 0,                         "rename",   NONE,      "Rename the selected participant; their votes stay theirs") \
	_(PARTICIPANT_REMOVE, SC_SETTINGS,       'D', KF(KEY_DC), 0,                "remove",   NONE,      "Remove the selected participant (asks first, saying how many votes would go)") \
	/* the live room (watch and join) */ \
	_(JOIN_VOTE,      SC_JOIN,               KDIGITS, 0, 0,                     "vote",     NONE,      "Vote for the stage with this number (again to change)") \
	_(JOIN_DONT_KNOW, SC_JOIN,               'd', 0, 0,                         "don't know", NONE,    "Vote don't know") \
	_(JOIN_CLEAR,     SC_JOIN,               '0', KF(KEY_DC), 0,                "clear",    NONE,      "Withdraw your vote") \
	_(SHOW_NOTE,      SC_WALK,               'N', 0, 0,                         NULL,       NONE,      "Show the row's note on watchers' screens until you move to another row (again to hide it)") \
	_(ADMIT,          SC_WALK,               '+', 0, 0,                         NULL,       NONE,      "Admit the person the room line says asks to join: they become a participant") \
	_(REFUSE,         SC_WALK,               '-', 0, 0,                         NULL,       NONE,      "Refuse the person asking to join: their terminal stops waiting") \
	_(WATCH_KEYS,     SC_WATCH,              0, 0, 0,                           NULL,       NONE,      "Follows the facilitator's row by itself; read-only") \
	/* scoring before the workshop */ \
	_(SCORE_SET,      SC_SCORE,              KDIGITS, 0, 0,                     "score",    NONE,      "Score the row at the stage with this number (saved at once, then the next row)") \
	_(SCORE_DONT_KNOW, SC_SCORE,             'd', 0, 0,                         "don't know", NONE,    "Score don't know") \
	_(SCORE_NEXT,     SC_SCORE,              'j', KF(KEY_DOWN), KF(KEY_RIGHT),  "row",      SCORE_PREV, "Next row, leaving this one as it is (skip)") \
	_(SCORE_PREV,     SC_SCORE,              'k', KF(KEY_UP), KF(KEY_LEFT),     NULL,       NONE,      "Previous row") \
	_(SCORE_CLEAR,    SC_SCORE,              '0', KF(KEY_DC), 0,                "clear",    NONE,      "Take back your score on this row") \
	_(SCORE_UNDO,     SC_SCORE,              'u', 0, 0,                         "undo",     SCORE_REDO, "Undo your last score (never anyone else's), going to its row") \
	_(SCORE_REDO,     SC_SCORE,              'U', KCTRL('r'), 0,                NULL,       NONE,      "Redo what your last undo reverted") \
	/* history */ \
	_(HISTORY_ROW,    SC_HISTORY,            'r', 0, 0,                         "this row", NONE,      "Only the current row's changes (again for every row)") \
	_(HISTORY_GO,     SC_HISTORY,            '\n', KF(KEY_ENTER), 0,            "go",       NONE,      "Go to the selected change's row") \
	/* the actions brought from the organisation's previous session; the
	 * outcome keys are those of BROUGHT_KEYS (tui/model/brought.h) */ \
	_(BROUGHT,        SC_WALK | SC_SUMMARY,  'B', 0, 0,                         "last time", NONE,     "Last session's actions: review what became of each (narrowed to the row when it has some)") \
	_(BROUGHT_DONE,   SC_BROUGHT,            'd', 0, 0,                         "done",     NONE,      "Mark the selected action done") \
	_(BROUGHT_PROGRESS, SC_BROUGHT,          'i', 0, 0,                         "in progress", NONE,   "Mark the selected action in progress") \
	_(BROUGHT_DROPPED, SC_BROUGHT,           'x', 0, 0,                         "dropped",  NONE,      "Mark the selected action dropped") \
	_(BROUGHT_CARRY,  SC_BROUGHT,            'c', 0, 0,                         "carry",    NONE,      "Carry it forward: it becomes an action of this session on its row (not for a row gone from the matrix)") \
	_(BROUGHT_UNREVIEWED, SC_BROUGHT,        '0', 0, 0,                         NULL,       NONE,      "Not yet reviewed: take its outcome back (a carried action goes again)") \
	_(BROUGHT_ROW,    SC_BROUGHT,            'r', 0, 0,                         "this row", NONE,      "Only the current row's actions (again for every row)") \
	_(BROUGHT_GO,     SC_BROUGHT,            '\n', KF(KEY_ENTER), 0,            "go",       NONE,      "Go to the selected action's row in the walk") \
	/* actions */ \
	_(ACTION_ADD,     SC_ACTIONS,            'a', 0, 0,                         "add",      NONE,      "Add an action") \
	_(ACTION_EDIT,    SC_ACTIONS,            'e', '\n', KF(KEY_ENTER),          "edit",     NONE,      "Edit the selected action") \
	_(ACTION_DONE,    SC_ACTIONS,            ' ', 'x', 0,                       "done",     NONE,      "Mark the selected action done (or not done)") \
	_(ACTION_DELETE,  SC_ACTIONS,            'D', KF(KEY_DC), 0,                "delete",   NONE,      "Delete the selected action") \
	_(UNDO,           SC_CHANGES,            'u', 0, 0,                         "undo",     REDO,      "Undo your last change to this session (never someone else's), first going to its row") \
	_(REDO,           SC_CHANGES,            'U', KCTRL('r'), 0,                NULL,       NONE,      "Redo what your last undo reverted, until you make a new change") \
	/* the note editor */ \
	_(NOTE_CLOSE,     SC_NOTE,               KESC, KCTRL('x'), 0,               "save+close", NONE,    "Save the note and go back") \
	_(NOTE_SAVE,      SC_NOTE,               KCTRL('s'), 0, 0,                  "save",     NONE,      "Save the note and keep writing") \
	_(NOTE_KEYS,      SC_NOTE,               0, 0, 0,                           NULL,       NONE,      "Arrows move, Home/End or ^A/^E go to the line's ends, Enter starts a new line, Backspace and Delete erase") \
	/* forms */ \
	_(FORM_SUBMIT,    SC_FORM,               KCTRL('s'), 0, 0,                  "done",     NONE,      "Save the form (Enter on the last field does the same)") \
	_(FORM_CANCEL,    SC_FORM,               KESC, KCTRL('x'), 0,               "cancel",   NONE,      "Leave the form without saving (asks first when something was typed)") \
	_(FORM_KEYS,      SC_FORM,               0, 0, 0,                           NULL,       NONE,      "Tab, Enter or Down: next field; Shift-Tab or Up: previous; Space or Left/Right change a choice")

#define ACTION_ENUM(id, ...) ACT_##id,
enum action {
	ACT_NONE,
	ACTION_INFO(ACTION_ENUM)
	ACT_COUNT
};
#undef ACTION_ENUM

typedef struct action_info {
	enum action id;
	const char *name;
	unsigned scope;
	int keys[3];
	const char *hint;
	enum action pair;
	const char *help;
} action_info;

/* The table entry for an action. */
const action_info *action_get(enum action a);
/* The action bound to `key` on a screen whose scope is `scope`; for the
 * digit keys *arg receives the digit, else 0. */
enum action action_for_key(int key, unsigned scope, int *arg);
/* A short printable name for a key: "j", "Down", "Esc", "^L", "F1". */
const char *action_key_name(int key, char *buf, size_t size);
/* The keys of an action for the help screen ("j, Down"); `n_stages` turns
 * the digit range into "1-3". */
void action_keys_text(const action_info *ai, int n_stages, char *buf, size_t size);
/* One hint-bar entry ("j/k row") for an action, or "" when it has none.
 * With `typing` set (a text field has the keyboard) printable keys are
 * skipped, so the hint names a key that still works there ("F1 help"). */
void action_hint_text(const action_info *ai, int n_stages, int typing,
		      char *buf, size_t size);

#endif
