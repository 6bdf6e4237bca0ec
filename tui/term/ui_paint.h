/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_paint.h - one repaint per turn of the loop. */
#ifndef NEXTSTEPS_UI_PAINT_H
#define NEXTSTEPS_UI_PAINT_H

#include "screen.h"

/* Repaints the windows marked dirty and sends them with one doupdate();
 * writes nothing when nothing is dirty. */
void ui_paint(ui *u);

#endif
