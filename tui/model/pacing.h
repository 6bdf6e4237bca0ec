/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* pacing.h - the workshop's time against its plan.
 *
 * A session plans its length in minutes; each section is given the
 * minutes the facilitator set for it on the overview, or else its share
 * of the rows that apply in what remains (report/plan.c works it out for
 * every front end and report).  The walk's title bar shows the section's
 * time against its plan and the workshop's against the whole, in text
 * ("12/15 min · 48/90 min, 4 behind"), and an overrun mark ("+3 min")
 * when a section runs over; minutes, so the clock costs a redraw a
 * minute, not a second.
 */
#ifndef NEXTSTEPS_PACING_H
#define NEXTSTEPS_PACING_H

#include <stddef.h>
#include <time.h>

#include "workshop.h"

typedef struct pacing {
	long long section_s;        /* the current section's time so far */
	long long section_plan_s;   /* its share of the plan */
	long long total_s;          /* every section's time so far */
	long long total_plan_s;     /* the planned length */
	long long due_s;            /* the plan's time for the rows answered */
} pacing;

/* The figures at `now` for the current section. */
void pacing_of(const workshop *ws, time_t now, pacing *out);
/* A section's planned seconds (report/plan.h: the minutes set for it,
 * else its share of the applicable rows in what set minutes leave). */
long long pacing_section_plan(const workshop *ws, size_t section);
/* The minutes the facilitator set for the section, 0 when none. */
int pacing_section_set(const workshop *ws, size_t section);
/* "12/15 min · 48/90 min, 4 behind" ("ahead", "on time"), with "+3 min"
 * after the section's figures when it has run over; `dot` separates the
 * two (the drawing's glyph).  Returns buf. */
const char *pacing_text(const pacing *p, const char *dot, char *buf, size_t size);
/* The workshop's part alone, "48/90 min, 4 behind": watch's clock. */
const char *pacing_workshop_text(const pacing *p, char *buf, size_t size);

/* A section's minutes as typed: blank or 0 for its share of the rows
 * (*minutes = 0), else 1 to STORE_MINUTES_MAX; -1 for anything else
 * (PACING_MINUTES_BAD says so in words). */
int pacing_parse_minutes(const char *text, int *minutes);
#define PACING_MINUTES_BAD "A section's minutes are a whole number from 1 to 600, " \
	"or blank for its share of the rows."
/* The question, the same on the screens and in the line mode: "Minutes
 * for section 2, 1-600 or blank for its share (now 14)". */
const char *pacing_minutes_prompt(const workshop *ws, size_t section, char *buf,
				  size_t size);
/* After a change: "section 2 planned at 20 min", or "section 2 takes its
 * share of the rows, 14 min". */
const char *pacing_section_words(const workshop *ws, size_t section, char *buf,
				 size_t size);

#endif
