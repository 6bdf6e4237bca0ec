/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* pacing.c - see pacing.h. */
#include "pacing.h"

#include <stdio.h>

long long pacing_section_plan(const workshop *ws, size_t section)
{
	if (section >= ws->m->n_sections)
		return 0;
	return plan_section_seconds(&ws->plan, ws->sec_steps[section],
				    ws->sec_minutes[section]);
}

int pacing_section_set(const workshop *ws, size_t section)
{
	return section < ws->m->n_sections ? ws->sec_minutes[section] : 0;
}

/* Each section's plan for the part of it answered: a section planned
 * longer is due more of the clock for each of its rows. */
static long long due_seconds(const workshop *ws)
{
	long long due = 0;
	size_t i;

	for (i = 0; i < ws->m->n_sections; i++)
		if (ws->sec_steps[i])
			due += pacing_section_plan(ws, i) * (long long)ws->sec_answered[i] /
			       (long long)ws->sec_steps[i];
	return due;
}

void pacing_of(const workshop *ws, time_t now, pacing *out)
{
	size_t i, cur = ws->n_steps ? ws->steps[ws->cur].section : 0;

	out->section_s = workshop_section_seconds(ws, now);
	out->section_plan_s = pacing_section_plan(ws, cur);
	out->total_plan_s = (long long)ws->s.planned_minutes * 60;
	out->total_s = out->section_s;
	for (i = 0; i < ws->m->n_sections; i++)
		if (i != cur)
			out->total_s += workshop_stored_seconds(ws, i);
	out->due_s = due_seconds(ws);
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

int pacing_parse_minutes(const char *text, int *minutes)
{
	long v = 0;

	*minutes = 0;
	while (text && (*text == ' ' || *text == '\t'))
		text++;
	if (!text || !*text)
		return 0;
	for (; *text >= '0' && *text <= '9'; text++)
		if ((v = v * 10 + (*text - '0')) > STORE_MINUTES_MAX)
			return -1;
	while (*text == ' ' || *text == '\t')
		text++;
	if (*text)
		return -1;
	*minutes = (int)v;
	return 0;
}

const char *pacing_minutes_prompt(const workshop *ws, size_t section, char *buf,
				  size_t size)
{
	snprintf(buf, size, "Minutes for section %zu, 1-%d or blank for its share (now %lld)",
		 section + 1, STORE_MINUTES_MAX, pacing_section_plan(ws, section) / 60);
	return buf;
}

const char *pacing_section_words(const workshop *ws, size_t section, char *buf,
				 size_t size)
{
	long long plan = pacing_section_plan(ws, section) / 60;

	if (pacing_section_set(ws, section))
		snprintf(buf, size, "section %zu planned at %lld min", section + 1, plan);
	else
		snprintf(buf, size, "section %zu takes its share of the rows, %lld min",
			 section + 1, plan);
	return buf;
}
