#compdef manifestflow
# zsh completion for manifestflow: save as _manifestflow in a directory on $fpath, then compinit.
# Asks manifestflow itself ([suggest:N] directive of System.CommandLine) for the commands, options, option
# values and rule ids that fit the word under the cursor; paths fall back to file completion.
_manifestflow() {
    local line="${(j: :)words[1,CURRENT]}"
    local -a suggestions shown
    suggestions=("${(@f)$(${words[1]} "[suggest:${#line}]" "$line" 2>/dev/null)}")
    local s
    for s in $suggestions; do
        # An option only where the word starts like one, so a path position completes files (/? and /h are --help).
        if [[ -n "$s" && ( ( "$s" != -* && "$s" != /[?h] ) || "${words[CURRENT]}" == -* ) ]]; then
            shown+=("$s")
        fi
    done
    if (( ${#shown} )); then
        compadd -- $shown
    else
        _files
    fi
}
if [[ "$funcstack[1]" == "_manifestflow" ]]; then
    _manifestflow "$@"
else
    compdef _manifestflow manifestflow
fi
