/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plan.c - see plan.h. */
#include "plan.h"

#include <string.h>

void plan_begin(plan *p, int total_minutes)
{
	p->total_s = total_minutes > 0 ? (long long)total_minutes * 60 : 0;
	p->set_s = 0;
	p->shared_rows = 0;
}

void plan_add(plan *p, size_t rows, int set_minutes)
{
	if (set_minutes > 0)
		p->set_s += (long long)set_minutes * 60;
	else
		p->shared_rows += (long long)rows;
}

long long plan_shared_seconds(const plan *p)
{
	return p->total_s > p->set_s ? p->total_s - p->set_s : 0;
}

long long plan_section_seconds(const plan *p, size_t rows, int set_minutes)
{
	if (set_minutes > 0)
		return (long long)set_minutes * 60;
	if (p->shared_rows <= 0)
		return 0;
	return plan_shared_seconds(p) * (long long)rows / p->shared_rows;
}

int plan_set_minutes(const store_answers *a, const char *section_id)
{
	size_t i;

	for (i = 0; a && section_id && i < a->n_times; i++)
		if (strcmp(a->times[i].section_id, section_id) == 0)
			return a->times[i].planned_minutes > 0 ? a->times[i].planned_minutes : 0;
	return 0;
}
