/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* walk_info.h - the facilitator's panel on the walk (f): the row's
 * prompts, what to look for (its evidence) and the glossary terms the row
 * uses with their meanings.  It takes the place of the stage descriptors
 * while it is open; the row's heading and its votes, note and actions stay
 * where they are. */
#ifndef NEXTSTEPS_WALK_INFO_H
#define NEXTSTEPS_WALK_INFO_H

#include "screen.h"

/* Draws the panel for the current row in body lines y .. y + lines - 1,
 * with its labels in the first `label_w` columns. */
void walk_info_draw(ui *u, int y, int lines, int label_w);

#endif
