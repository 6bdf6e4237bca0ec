# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# bash completion for nextsteps(1): commands, options, session names (from
# `nextsteps list --format csv`) and matrix names (from `nextsteps matrices`).

_nextsteps_sessions()
{
	# The name is the second CSV column; a name holding a comma or quote is
	# quoted in CSV and left out here rather than offered wrongly.
	nextsteps "$@" list --format csv 2>/dev/null |
		awk -F, 'NR > 1 && $2 !~ /^"/ { sub(/\r$/, "", $2); print $2 }'
}

_nextsteps_matrices()
{
	nextsteps matrices 2>/dev/null | awk 'NR > 2 { print $1 }'
}

_nextsteps()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		_init_completion || return
	else
		cur=${COMP_WORDS[COMP_CWORD]}
		prev=${COMP_WORDS[COMP_CWORD - 1]}
		words=("${COMP_WORDS[@]}")
		cword=$COMP_CWORD
	fi

	local commands="new edit list report check-content check-db merge watch join score matrices"
	local options="--db --content --session --ascii --no-color --kiosk --plain
		--org --type --participants --facilitator --secret --as --format
		--output -o --width --page-length --utf8 --portfolio --all --table
		--since --bom --no-formula-guard --minutes --name --add-participant
		--rename-participant --help --version"
	local dbopt=() i cmd=""
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--db) dbopt=(--db "${words[i + 1]}") ;;
		-*) ;;
		*) [[ -z $cmd && ${words[i - 1]} != --* ]] && cmd=${words[i]} ;;
		esac
	done

	case $prev in
	--db | --output | -o)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--content)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -W "$(_nextsteps_matrices)" -- "$cur") $(compgen -f -X '!*.cfg' -- "$cur"))
		return ;;
	--format)
		COMPREPLY=($(compgen -W "text csv json" -- "$cur"))
		return ;;
	--table)
		COMPREPLY=($(compgen -W "answers actions sessions" -- "$cur"))
		return ;;
	--type)
		COMPREPLY=($(compgen -W "lgpo pcn" -- "$cur"))
		return ;;
	--session)
		local IFS=$'\n'
		COMPREPLY=($(compgen -W "$(_nextsteps_sessions "${dbopt[@]}")" -- "$cur"))
		return ;;
	--org | --participants | --facilitator | --as | --width | --page-length | --since)
		return ;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$options" -- "$cur"))
	elif [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
	else
		case $cmd in
		report | edit | watch | join | score)
			local IFS=$'\n'
			COMPREPLY=($(compgen -W "$(_nextsteps_sessions "${dbopt[@]}")" -- "$cur")) ;;
		check-content | merge)
			compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -f -- "$cur")) ;;
		esac
	fi
} &&
	complete -F _nextsteps nextsteps
