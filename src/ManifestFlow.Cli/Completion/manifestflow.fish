# fish completion for manifestflow: manifestflow completion fish > ~/.config/fish/completions/manifestflow.fish
# Asks manifestflow itself ([suggest:N] directive of System.CommandLine) for the commands, options, option
# values and rule ids that fit the word under the cursor; where it has none (a path), fish completes files.
function __manifestflow_complete
    set -l line (commandline -cp)
    set -l word (commandline -ct)
    for s in (manifestflow "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null)
        # An option only where the word starts like one, so a path position completes files (/? and /h are --help).
        # No suggestion at all is one empty line, which must not count as one.
        test -n "$s"; or continue
        if not string match -q -r -- '^(-|/[?h]$)' $s; or string match -q -- '-*' $word
            echo $s
        end
    end
end
# -f (no files) only while manifestflow has something to offer: `--format <TAB>` lists the formats alone.
complete -c manifestflow -f -n 'count (__manifestflow_complete) >/dev/null' -a '(__manifestflow_complete)'
