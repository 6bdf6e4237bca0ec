/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* ui_loop.h - the main loop of the screens. */
#ifndef NEXTSTEPS_UI_LOOP_H
#define NEXTSTEPS_UI_LOOP_H

#include "screen.h"

/* Runs until q, a signal, or the last screen is closed. */
void ui_loop(ui *u);

#endif
