/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plan.h - the pacing plan: how many of the workshop's minutes each
 * section is given.
 *
 * A section whose minutes the facilitator set (store_section_set_minutes)
 * is planned at those; the rest of the workshop's planned length is
 * shared among the other sections by their share of the rows that apply.
 * When the set minutes reach the whole length, the other sections are
 * given nothing.  The walk, the overview, watch, the line mode and every
 * report ask here, so they show the same figures.
 *
 * Built in one pass over the sections (plan_add each), then asked per
 * section in constant time: nothing here allocates.
 */
#ifndef NEXTSTEPS_PLAN_H
#define NEXTSTEPS_PLAN_H

#include <stddef.h>

#include "store.h"

typedef struct plan {
	long long total_s;        /* the workshop's planned length */
	long long set_s;          /* the minutes set, in seconds, summed */
	long long shared_rows;    /* rows of the sections without set minutes */
} plan;

/* Starts a plan of `total_minutes`. */
void plan_begin(plan *p, int total_minutes);
/* Adds one section: its applicable rows and its set minutes (0: none). */
void plan_add(plan *p, size_t rows, int set_minutes);
/* The planned seconds of a section added with these figures. */
long long plan_section_seconds(const plan *p, size_t rows, int set_minutes);
/* The seconds shared by row: the length less the set minutes, never
 * below 0. */
long long plan_shared_seconds(const plan *p);
/* The minutes set for section `section_id` in the session's answers
 * (store_section_time.planned_minutes), 0 when none. */
int plan_set_minutes(const store_answers *a, const char *section_id);

#endif
