/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* store_pacing.c - the minutes the facilitator plans for one section.
 *
 * They live beside the section's time (section_time.planned_minutes,
 * NULL while the section takes its share of the rows), so one read of
 * the section times gives the plan too.  Setting them is a decision
 * about the workshop, not where the room is: it is in the history and
 * undo puts the old minutes back.
 */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

/* Shared by the change and its undo; 0 clears the minutes. */
int store_write_section_minutes(store *st, const char *sid, const char *section_id,
				int minutes, store_error *err)
{
	static const char sql[] =
		"INSERT INTO section_time (session, section_id, seconds, planned_minutes)"
		" VALUES (?1, ?2, 0, ?3) ON CONFLICT (session, section_id)"
		" DO UPDATE SET planned_minutes = excluded.planned_minutes";
	sqlite3_stmt *stmt = store_sql_text2(st, sql, sid, section_id, err);

	if (!stmt)
		return store_last(err);
	if (minutes > 0)
		sqlite3_bind_int(stmt, 3, minutes);
	else
		sqlite3_bind_null(stmt, 3);
	return store_run(st, stmt, "plan the section's minutes", err);
}

/* The section's minutes now, 0 when none are set. */
static int section_minutes(store *st, const char *sid, const char *section_id,
			   long long *old, store_error *err)
{
	static const char sql[] =
		"SELECT coalesce(planned_minutes, 0) FROM section_time"
		" WHERE session = ?1 AND section_id = ?2";
	int found;

	*old = 0;
	return store_step_int(st, store_sql_text2(st, sql, sid, section_id, err), old,
			      &found, "read the section's minutes", err);
}

static void minutes_summary(char *out, size_t size, const char *section_id,
			    int minutes, long long old)
{
	char was[40];

	if (old > 0)
		snprintf(was, sizeof was, "was %lld", old);
	else
		snprintf(was, sizeof was, "was its share of the rows");
	if (minutes > 0)
		snprintf(out, size, "Planned %d minutes for section %s (%s)", minutes,
			 section_id, was);
	else
		snprintf(out, size, "Planned section %s by its share of the rows (%s)",
			 section_id, was);
}

int store_section_set_minutes(store *st, const char *session_id,
			      const char *section_id, int minutes, store_error *err)
{
	char summary[300];
	store_entry e = { "section_minutes", NULL, summary, -1, STORE_NULL_VALUE,
			  STORE_NULL_VALUE, 0 };
	long long now, old = 0;
	int rc;

	if (!section_id || !*section_id || !store_text_ok(section_id) ||
	    strlen(section_id) > 100)
		return store_fail(err, STORE_EUSAGE, "no section given");
	if (minutes < 0 || minutes > STORE_MINUTES_MAX)
		return store_fail(err, STORE_EUSAGE, "a section's minutes run from 1 to %d "
				  "(0 or blank: its share of the rows)", STORE_MINUTES_MAX);
	if ((rc = store_change_begin(st, session_id, &now, err)))
		return rc;
	rc = section_minutes(st, session_id, section_id, &old, err);
	if (!rc && old == minutes) {
		store_rollback(st);
		store_ok(err);
		return STORE_OK;
	}
	if (!rc)
		rc = store_write_section_minutes(st, session_id, section_id, minutes, err);
	if (!rc) {
		minutes_summary(summary, sizeof summary, section_id, minutes, old);
		e.row_id = section_id;
		e.old_value = store_int_value(old);
		e.new_value = store_int_value(minutes);
		rc = store_history_add(st, session_id, now, &e, err);
	}
	return store_change_end(st, rc, err);
}
