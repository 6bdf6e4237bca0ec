/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* pacing.c - see pacing.h. */
#include "pacing.h"

#include <stdio.h>

long long pacing_section_plan(const workshop *ws, size_t section)
{
	size_t k, in = 0;

	if (!ws->n_steps)
		return 0;
	for (k = 0; k < ws->n_steps; k++)
		in += ws->steps[k].section == section;
	return (long long)ws->s.planned_minutes * 60 * (long long)in / (long long)ws->n_steps;
}

void pacing_of(const workshop *ws, time_t now, pacing *out)
{
	size_t i, total, cur = ws->n_steps ? ws->steps[ws->cur].section : 0;

	out->section_s = workshop_section_seconds(ws, now);
	out->section_plan_s = pacing_section_plan(ws, cur);
	out->total_plan_s = (long long)ws->s.planned_minutes * 60;
	out->total_s = out->section_s;
	for (i = 0; i < ws->m->n_sections; i++)
		if (i != cur)
			out->total_s += workshop_stored_seconds(ws, i);
	out->due_s = ws->n_steps ? out->total_plan_s *
		(long long)workshop_answered(ws, &total) / (long long)ws->n_steps : 0;
}

/* Whole minutes, rounded down: the clock changes once a minute. */
static long long minutes(long long s)
{
	return s > 0 ? s / 60 : 0;
}

const char *pacing_workshop_text(const pacing *p, char *buf, size_t size)
{
	long long late = minutes(p->total_s) - minutes(p->due_s);
	char lag[32];

	if (late > 0)
		snprintf(lag, sizeof lag, ", %lld behind", late);
	else if (late < 0)
		snprintf(lag, sizeof lag, ", %lld ahead", -late);
	else
		snprintf(lag, sizeof lag, ", on time");
	snprintf(buf, size, "%lld/%lld min%s", minutes(p->total_s),
		 minutes(p->total_plan_s), lag);
	return buf;
}

const char *pacing_text(const pacing *p, const char *dot, char *buf, size_t size)
{
	long long over = minutes(p->section_s) - minutes(p->section_plan_s);
	char mark[32] = "", whole[64];

	if (p->section_s > p->section_plan_s && over > 0)
		snprintf(mark, sizeof mark, " +%lld min", over);
	snprintf(buf, size, "%lld/%lld min%s %s %s", minutes(p->section_s),
		 minutes(p->section_plan_s), mark, dot,
		 pacing_workshop_text(p, whole, sizeof whole));
	return buf;
}
