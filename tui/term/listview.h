/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* listview.h - the selection and scrolling of a list, shared by every
 * screen that shows one (sessions, overview, votes, actions, help). */
#ifndef NEXTSTEPS_LISTVIEW_H
#define NEXTSTEPS_LISTVIEW_H

#include <stddef.h>

#include "actions.h"

typedef struct listview {
	size_t n;        /* entries */
	size_t sel;      /* the selected entry */
	size_t top;      /* the first entry shown */
} listview;

/* Applies a movement action (DOWN, UP, PAGE_*, FIRST, LAST) with `height`
 * entries visible; returns 1 when the action was a movement. */
int listview_action(listview *lv, enum action a, size_t height);
/* Keeps the selection inside the list and on screen. */
void listview_fit(listview *lv, size_t height);

/* A view with no selection (help, summary): lv->top is the first of lv->n
 * lines shown.  Applies a movement action as scrolling; returns 1 when it
 * was one. */
int listview_scroll(listview *lv, enum action a, size_t height);
/* Keeps the view from scrolling past its last line. */
void listview_scroll_fit(listview *lv, size_t height);

#endif
