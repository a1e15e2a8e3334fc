"""The completion scripts `coreg completion SHELL` prints. Each asks coreg itself what
TAB offers (cli/candidates.py answers), so new practices complete without a new script.
Each answer's first line is its kind: `files` or `dirs` hands the word to the shell's
own path completion; otherwise the candidates follow, one a line."""

from __future__ import annotations

BASH = r"""# coreg: TAB completion for bash (3.2 or later).
# Keep it where bash-completion finds it:
#   coreg completion bash > ~/.local/share/bash-completion/completions/coreg
# or load it from ~/.bashrc:  source <(coreg completion bash)
_coreg_completion() {
    local kind line cur
    local -a found
    found=()
    while IFS= read -r line; do
        found+=("$line")
    done < <(_COREG_COMPLETE=bash _COREG_LINE="${COMP_LINE:0:COMP_POINT}" \
        _COREG_BREAKS="$COMP_WORDBREAKS" "${1:-coreg}" 2>/dev/null)
    kind=${found[0]-}
    COMPREPLY=("${found[@]:1}")
    if [[ $kind == files || $kind == dirs ]]; then
        cur=${COMP_WORDS[COMP_CWORD]}
        [[ $cur == [=:] ]] && cur=
        compopt -o filenames 2>/dev/null
        COMPREPLY=()
        while IFS= read -r line; do
            COMPREPLY+=("$line")
        done < <(compgen "-${kind:0:1}" -- "$cur")
    fi
}
complete -o nosort -F _coreg_completion coreg 2>/dev/null ||
    complete -F _coreg_completion coreg
"""

ZSH = r"""#compdef coreg
# coreg: TAB completion for zsh.
# Keep it as _coreg in a folder on $fpath, which ~/.zshrc sets before compinit runs:
#   mkdir -p ~/.zfunc && coreg completion zsh > ~/.zfunc/_coreg
#   (in ~/.zshrc: fpath=(~/.zfunc $fpath); autoload -Uz compinit; compinit)
# or load it in ~/.zshrc after compinit:  source <(coreg completion zsh)
_coreg() {
    local -a found
    found=("${(@f)$(_COREG_COMPLETE=zsh _COREG_LINE="${(j: :)words[1,CURRENT]}" \
        ${words[1]} 2>/dev/null)}")
    case ${found[1]} in
        files) _files ;;
        dirs) _files -/ ;;
        *)
            shift found
            (( ${#found} )) && _describe coreg found
            ;;
    esac
}
if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
    _coreg "$@"
else
    compdef _coreg coreg
fi
"""

FISH = r"""# coreg: TAB completion for fish (3.1 or later).
# Keep it where fish finds it:
#   coreg completion fish > ~/.config/fish/completions/coreg.fish
function __coreg_complete
    set -l found (env _COREG_COMPLETE=fish _COREG_LINE=(commandline -cp | string collect) \
        coreg 2>/dev/null)
    switch "$found[1]"
        case files
            __fish_complete_path (commandline -ct)
        case dirs
            __fish_complete_directories (commandline -ct)
        case '*'
            set -e found[1]
            for word in $found
                printf '%s\n' $word
            end
    end
end
complete -c coreg -f -a '(__coreg_complete)'
"""

SCRIPTS = {"bash": BASH, "zsh": ZSH, "fish": FISH}
