# SPDX-License-Identifier: MIT
# bash completion for the Sense-VM tools: sensec, senseasm, sensevm-run (issue 15).
# `meson install` puts this file in <datadir>/bash-completion/completions under each tool's
# name (bash-completion loads it when a tool's name is first completed; it defines all three).
# By hand: `source docs/completion/sensevm.bash`. The option lists are each tool's --help
# (tests/debug/test_completion.py compares them); board names come from senseasm itself.

_sensevm_sensec_opts='-o -S -c -w --keep-temps --color -h --help -V --version
    --heap --stack --name --entry --priority --arrays --contexts --channels --device --policy
    --heartbeat --fuel --gc --xchan --symbol --base --map --format --no-dce --strip --sign
    --board'
_sensevm_senseasm_opts='-c -o -d --info --addr2line --gen-key --entry --map --no-dce --strip
    --format --symbol --base --board --sign --name --priority --heap --stack --arrays
    --contexts --channels --device --policy --heartbeat --fuel --gc --xchan --max-errors
    --color -h --help -V --version'
_sensevm_run_opts='--heap --stack --max-steps --gc-every-alloc --gc --trace --stats --profile
    --backtrace-pcs --verify-key --no-sched --virtual-time --real-time --input --devices
    --devlog --fuel --quantum --ns-per-insn --heartbeat --spin-limit --count-steps
    --switch-via-scheduler --generic-loop --trace-sched --color -h --help -V --version'

# The boards senseasm knows: the list its error for an unknown board names.
_sensevm_boards()
{
    local asm=${1:-senseasm} known names
    known=$("$asm" --board= 2>&1 </dev/null)
    [[ $known == *'(known: '* ]] || return 0
    known=${known##*(known: }
    read -ra names <<<"${known%%)*}"
    printf '%s\n' "${names[@]%,}"
}

# Files ending in one of the extensions (words after $1 are extensions without the dot), and
# directories to descend into.
_sensevm_files()
{
    local cur=$1 f e
    shift
    compopt -o filenames 2>/dev/null
    while IFS= read -r f; do
        if [[ -d $f ]]; then
            COMPREPLY+=("$f")
            continue
        fi
        for e in "$@"; do
            [[ $f == *."$e" ]] && COMPREPLY+=("$f") && break
        done
    done < <(compgen -f -- "$cur")
}

# The value of option $1 (or 1 if it takes no value or is unknown); $2 the word typed so far,
# $3 the command (for senseasm's board list).
_sensevm_value()
{
    local opt=$1 cur=$2 cmd=$3 words
    case $opt in
        --color) words='auto always never' ;;
        --gc) words='copy compact' ;;
        --format) words='raw c ihex' ;;
        --policy) words='stop restart log' ;;
        --trace) words='calls' ;;
        --board)
            if [[ $cmd == sensevm-run || $cmd == */sensevm-run ]]; then return 1; fi
            [[ $cmd == *senseasm ]] || cmd=senseasm
            words=$(_sensevm_boards "$cmd")
            ;;
        -o | --map | --sign | --gen-key | --verify-key | --input | --devlog)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0
            ;;
        --heap | --stack | --name | --entry | --priority | --arrays | --contexts | --channels | \
            --device | --heartbeat | --fuel | --xchan | --symbol | --base | --max-errors | \
            --max-steps | --devices | --quantum | --ns-per-insn | --spin-limit)
            return 0 ;; # a number or a name: nothing to offer
        *) return 1 ;;
    esac
    mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
    return 0
}

# $1: the option list; the rest: the extensions of the tool's files.
_sensevm_complete()
{
    local opts=$1 cur=${COMP_WORDS[COMP_CWORD]} prev='' cmd=${COMP_WORDS[0]}
    shift
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    # --opt=value: split into words by COMP_WORDBREAKS ('--opt' '=' 'value'), or one word
    if [[ $cur == = ]]; then
        _sensevm_value "$prev" "" "$cmd" && return 0
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        _sensevm_value "${COMP_WORDS[COMP_CWORD - 2]}" "$cur" "$cmd" && return 0
    elif [[ $cur == --*=* ]]; then
        local opt=${cur%%=*} v
        if _sensevm_value "$opt" "${cur#*=}" "$cmd"; then
            for v in "${!COMPREPLY[@]}"; do COMPREPLY[v]="$opt=${COMPREPLY[v]}"; done
            return 0
        fi
    elif [[ $prev == -* ]] && [[ $prev != --color && $prev != --trace ]]; then
        _sensevm_value "$prev" "$cur" "$cmd" && return 0
    elif [[ $prev == --color && $cur != -* ]]; then
        _sensevm_value --color "$cur" "$cmd" # --color WHEN, or --color (always) then a file
    fi
    if [[ $cur == -* ]]; then
        mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -W "$opts" -- "$cur")
        return 0
    fi
    _sensevm_files "$cur" "$@"
}

_sensevm_sensec() { _sensevm_complete "$_sensevm_sensec_opts" ml; }
_sensevm_senseasm()
{
    local w
    for w in "${COMP_WORDS[@]}"; do # images only where senseasm reads them
        case $w in -d | --disassemble | --info | --addr2line)
            _sensevm_complete "$_sensevm_senseasm_opts" s o a svm
            return
            ;;
        esac
    done
    _sensevm_complete "$_sensevm_senseasm_opts" s o a
}
_sensevm_sensevm_run() { _sensevm_complete "$_sensevm_run_opts" svm; }

complete -F _sensevm_sensec sensec
complete -F _sensevm_senseasm senseasm
complete -F _sensevm_sensevm_run sensevm-run
