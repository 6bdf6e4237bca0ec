/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain_pacing.c - the line mode's clock: the pacing text the walk's
 * title bar shows, each section's time against its plan, a section's
 * planned minutes set from the keyboard, and the section time kept as
 * the screens keep it.  The figures and words are pacing.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pacing.h"
#include "plain_internal.h"
#include "text.h"

/* The separator of the two figures, as the title bar draws it. */
static const char *plain_dot(const plain *p)
{
	return p->flags & TEXT_ASCII ? "-" : "\xc2\xb7";
}

void plain_pacing(const plain *p)
{
	pacing pc;
	char buf[160];

	if (!p->ws->n_steps)
		return;
	pacing_of(p->ws, (time_t)text_now(), &pc);
	plain_say(p, "Time: %s.", pacing_text(&pc, plain_dot(p), buf, sizeof buf));
}

char *plain_section_time(const plain *p, size_t section)
{
	const workshop *ws = p->ws;
	long long t = workshop_stored_seconds(ws, section) / 60;
	long long plan = pacing_section_plan(ws, section) / 60;
	char over[32] = "";

	if (ws->n_steps && ws->steps[ws->cur].section == section)
		t = workshop_section_seconds(ws, (time_t)text_now()) / 60;
	if (t > plan)
		snprintf(over, sizeof over, " +%lld min", t - plan);
	return plain_format("%lld/%lld min%s%s", t, plan, over,
			    pacing_section_set(ws, section) ? ", minutes set" : "");
}

void plain_section_minutes(plain *p, size_t section)
{
	workshop *ws = p->ws;
	store_error err;
	char prompt[200], words[120];
	const char *a;
	int minutes;

	pacing_minutes_prompt(ws, section, prompt, sizeof prompt);
	for (;;) {
		if (!(a = plain_ask(p, "%s", prompt)))
			return;
		if (pacing_parse_minutes(a, &minutes) == 0)
			break;
		plain_say(p, "Not saved: %s", PACING_MINUTES_BAD);
	}
	if (store_section_set_minutes(ws->st, ws->s.id, ws->m->sections[section].id,
				      minutes, &err) != 0) {
		plain_error(p, "Not saved", &err);
		return;
	}
	plain_reload(p);
	plain_say(p, "Saved: %s.", pacing_section_words(ws, section, words, sizeof words));
}

void plain_keep_time(plain *p)
{
	store_error err;
	time_t now = (time_t)text_now();

	if (p->ws && !p->ws->follower && now - p->ws->entered >= 60 &&
	    workshop_flush_time(p->ws, now, &err) != 0)
		plain_error(p, "Not saved (the section's time)", &err);
}
