# bash completion for manifestflow: source <(manifestflow completion bash)
# Asks manifestflow itself ([suggest:N] directive of System.CommandLine) for the commands, options, option
# values and rule ids that fit the word under the cursor; paths fall back to bash's file completion.
_manifestflow_complete() {
    local line="${COMP_LINE:0:COMP_POINT}"
    local word="${COMP_WORDS[COMP_CWORD]}"
    local IFS=$'\n'
    local -a suggestions
    suggestions=($("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null))
    COMPREPLY=()
    local s
    for s in "${suggestions[@]}"; do
        # No suggestion at all is one empty line, which must not count as one.
        # System.CommandLine also offers words that merely contain the typed text; bash wants the prefix.
        # An option is offered only when the word starts like one, so a path position completes files
        # (/? and /h are the Windows spellings of --help).
        if [[ -n "$s" && "$s" == "$word"* && ( ( "$s" != -* && "$s" != /[?h] ) || "$word" == -* ) ]]; then
            COMPREPLY+=("$s")
        fi
    done
}
complete -o default -o bashdefault -F _manifestflow_complete manifestflow
