/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* listview.c - see listview.h. */
#include "listview.h"

void listview_fit(listview *lv, size_t height)
{
	if (height == 0)
		height = 1;
	if (lv->n == 0) {
		lv->sel = lv->top = 0;
		return;
	}
	if (lv->sel >= lv->n)
		lv->sel = lv->n - 1;
	if (lv->sel < lv->top)
		lv->top = lv->sel;
	if (lv->sel >= lv->top + height)
		lv->top = lv->sel - height + 1;
	if (lv->top + height > lv->n)
		lv->top = lv->n > height ? lv->n - height : 0;
}

int listview_action(listview *lv, enum action a, size_t height)
{
	size_t page = height > 1 ? height - 1 : 1;

	switch (a) {
	case ACT_DOWN:
		if (lv->sel + 1 < lv->n)
			lv->sel++;
		break;
	case ACT_UP:
		if (lv->sel > 0)
			lv->sel--;
		break;
	case ACT_PAGE_DOWN:
		lv->sel += page;
		break;
	case ACT_PAGE_UP:
		lv->sel = lv->sel > page ? lv->sel - page : 0;
		break;
	case ACT_FIRST:
		lv->sel = 0;
		break;
	case ACT_LAST:
		lv->sel = lv->n ? lv->n - 1 : 0;
		break;
	default:
		return 0;
	}
	listview_fit(lv, height);
	return 1;
}

void listview_scroll_fit(listview *lv, size_t height)
{
	size_t max = lv->n > height ? lv->n - height : 0;

	if (lv->top > max)
		lv->top = max;
	lv->sel = lv->top;
}

int listview_scroll(listview *lv, enum action a, size_t height)
{
	size_t page = height > 1 ? height - 1 : 1;
	size_t max = lv->n > height ? lv->n - height : 0;

	switch (a) {
	case ACT_DOWN: lv->top += lv->top < max; break;
	case ACT_UP: lv->top -= lv->top > 0; break;
	case ACT_PAGE_DOWN: lv->top = lv->top + page < max ? lv->top + page : max; break;
	case ACT_PAGE_UP: lv->top = lv->top > page ? lv->top - page : 0; break;
	case ACT_FIRST: lv->top = 0; break;
	case ACT_LAST: lv->top = max; break;
	default: return 0;
	}
	listview_scroll_fit(lv, height);
	return 1;
}
