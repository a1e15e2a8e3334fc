"""What TAB offers on a coreg command line, answered before the CLI library loads.

The scripts `coreg completion SHELL` prints run coreg with `_COREG_COMPLETE=SHELL` and
`_COREG_LINE` set to the command line up to the cursor; the entry point hands them
here at once (cli/__init__.py). The answer is one line naming its kind (`plain`, or
`files` and `dirs` for the shell to complete a path itself), then one candidate a line,
with what it is beside it for zsh and fish.

The words are the ones the commands read: the states from core/states.py, the presets
and practice ids from the content files. Those files are read here with a few string
operations, not the validating loader, whose imports (tomllib among them) would more
than double the time a TAB takes; tests hold both readings to the same words.
"""

from __future__ import annotations

import os
import sys

from coreg_tui.cli.command_tree import (
    DIR,
    FILE,
    FLAG,
    PRACTICE,
    PRESET,
    ROOT,
    SHELLS,
    STATE,
    Command,
    Value,
)

ENV = "_COREG_COMPLETE"  # the shell asking; its presence is what makes a run an answer
LINE_ENV = "_COREG_LINE"  # the command line up to the cursor
BREAKS_ENV = "_COREG_BREAKS"  # bash's COMP_WORDBREAKS
BASH_BREAKS = "\"'><=;|&(:"  # bash's own, when the script does not say
PLAIN, FILES, DIRS = "plain", "files", "dirs"
ID_FORM = r"[a-z0-9][a-z0-9-]{0,47}"  # as content/practices.py checks a practice's id

Candidate = tuple[str, str]  # the word, and what it is (for zsh and fish)


def answer_from_environment() -> int:
    """Print the answer for the shell named in the environment; the exit code."""
    shell = os.environ.get(ENV, "")
    if shell not in SHELLS:
        sys.stderr.write(f"coreg: {ENV}={shell!r}: completion is for {', '.join(SHELLS)}\n")
        return 2
    lines = answer(shell, os.environ.get(LINE_ENV, ""), os.environ.get(BREAKS_ENV, BASH_BREAKS))
    if hasattr(sys.stdout, "reconfigure"):  # a word the locale cannot show: a stand-in
        sys.stdout.reconfigure(errors="replace")
    sys.stdout.write("".join(f"{line}\n" for line in lines))
    return 0


def answer(shell: str, line: str, breaks: str = BASH_BREAKS) -> list[str]:
    """The lines a shell's script reads for `line` (the command line up to the cursor)."""
    words, incomplete = split_line(line)
    kind, found = complete(words[1:], incomplete)  # words[0] is coreg itself
    if shell == "bash":
        # bash replaces only what follows the last of its word breaks (--from=|co, anxious:|6)
        cut = max((incomplete.rfind(ch) for ch in breaks), default=-1) + 1
        return [kind, *(word[cut:] for word, _ in found)]
    found = [(word, _one_printable_line(about)) for word, about in found]
    if shell == "zsh":  # _describe reads word:what, with the word's own colons escaped
        escaped = [(word.replace("\\", "\\\\").replace(":", "\\:"), about) for word, about in found]
        return [kind, *(f"{word}:{about}" if about else word for word, about in escaped)]
    return [kind, *(f"{word}\t{about}" if about else word for word, about in found)]


def _one_printable_line(text: str) -> str:
    """What a file says (a practice's title) as the shell will show it. Only text that
    needs it pays for loading the module that makes text printable."""
    if text.isprintable():
        return text
    from coreg_tui.text import one_line

    return one_line(text)


def split_line(line: str) -> tuple[list[str], str]:
    """The finished words of a command line, and the one being typed ('' after a space)."""
    import shlex

    lexer = shlex.shlex(line, posix=True)
    lexer.whitespace_split = True
    lexer.commenters = ""
    words: list[str] = []
    try:
        words.extend(lexer)
    except ValueError:  # an open quote: the word so far is the one being typed
        return words, lexer.token
    finished = line.rstrip()
    backslashes = len(finished) - len(finished.rstrip("\\"))
    if not words or (finished != line and backslashes % 2 == 0):  # a space ended the last word
        return words, ""
    return words[:-1], words[-1]


def complete(words: list[str], incomplete: str) -> tuple[str, list[Candidate]]:
    """What can follow `words` (after `coreg`) and begin with `incomplete`."""
    node, wants, given, only_arguments = ROOT, None, 0, False
    for word in words:
        if wants is not None:  # this word was an option's value
            wants = None
        elif word == "--" and not only_arguments:
            only_arguments = True
        elif word.startswith("-") and word != "-" and not only_arguments:
            wants = _wants_value(node, word)
        elif node.subcommands and not given and word in node.subcommands:
            node = node.subcommands[word]
        else:
            given += 1
    if wants is not None:
        return values(wants, incomplete)
    if incomplete.startswith("-") and not only_arguments:
        name, equals, value = incomplete.partition("=")
        if equals and name.startswith("--"):
            kind, found = values(node.options.get(name, FLAG), value)
            return kind, [(f"{name}={word}", about) for word, about in found]
        return PLAIN, [(name, "") for name in node.options if name.startswith(incomplete)]
    if node.subcommands:
        if given:
            return PLAIN, []
        found = [(name, c.about) for name, c in node.subcommands.items()]
        return PLAIN, [(name, about) for name, about in found if name.startswith(incomplete)]
    if given < len(node.arguments):
        return values(node.arguments[given], incomplete)
    if not incomplete:  # nothing more to give but options
        return PLAIN, [(name, "") for name in node.options if name.startswith("--")]
    return PLAIN, []


def _wants_value(node: Command, word: str) -> Value | None:
    """What the next word must complete as, if `word` is an option waiting for its value."""
    if word.startswith("--") and "=" in word:
        return None
    value = node.options.get(word)
    return None if value is None or value == FLAG else value


def values(kind: Value, incomplete: str) -> tuple[str, list[Candidate]]:
    """The words a value of this kind can be, that begin with `incomplete`."""
    if kind == FILE:
        return FILES, []
    if kind == DIR:
        return DIRS, []
    if isinstance(kind, tuple):
        found = [(choice, "") for choice in kind]
    elif kind == STATE:
        found = states()
    elif kind == PRESET:
        found = presets()
    elif kind == PRACTICE:
        found = practices()
    else:  # a note, a number, an entry's id: only the person knows it
        found = []
    start = incomplete.lower()  # states, presets and practice ids are read in lower case
    return PLAIN, [(word, about) for word, about in found if word.startswith(start)]


def states() -> list[Candidate]:
    from coreg_tui.core.states import ALIASES, State, aliases_of

    named = [(s.value, ", ".join(aliases_of(s)[:3])) for s in State]
    return named + [(word, s.value) for word, s in ALIASES.items() if len(word) > 1]


def presets() -> list[Candidate]:
    found: list[Candidate] = []
    for table in read_tables(os.path.join(builtin_folder(), "presets.toml"))[1:]:
        name, pattern = _first(table, "name").lower(), _first(table, "pattern")
        if name:
            found.append((name, pattern))
            found += [
                (alias.strip().lower(), f"{name}, {pattern}") for alias in table.get("aliases", [])
            ]
    return found


def practices() -> list[Candidate]:
    """Every practice `coreg practice ID` runs: the built-in ones, and the person's own
    beside them (one with a built-in id takes its place, as in the library)."""
    import re

    from coreg_tui.paths import content_dir

    titles: dict[str, str] = {}
    for folder in (os.path.join(builtin_folder(), "practices"), str(content_dir())):
        for path in _toml_files(folder):
            top = read_tables(path)[0]
            pid = _first(top, "id")
            if re.fullmatch(ID_FORM, pid):
                titles[pid] = _first(top, "title")
    return list(titles.items())


def builtin_folder() -> str:
    """content/files.py's builtin_content_dir(), in os.path: pathlib would cost a TAB more
    than the rest of the answer."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    shipped = os.path.join(package, "_content")  # inside an installed wheel
    if os.path.isdir(shipped):
        return shipped
    return os.path.join(os.path.dirname(os.path.dirname(package)), "content")  # a checkout


def _toml_files(folder: str) -> list[str]:
    try:
        names = os.listdir(folder)
    except OSError:  # the person has no practices of their own (yet)
        return []
    return [os.path.join(folder, name) for name in sorted(names) if name.endswith(".toml")]


def read_tables(path: str) -> list[dict[str, list[str]]]:
    """The `key = "text"` and `key = ["a", "b"]` lines of a TOML file, table by table:
    the top level first, then one for each [table] or [[table]] as it comes. Nothing is
    checked: a file the loader refuses still gives its words, and `coreg practice` then
    says what is wrong with it."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return [{}]
    tables: list[dict[str, list[str]]] = [{}]
    closing = ""  # the end of a multi-line string being passed over
    for raw in lines:
        line = raw.strip()
        if closing:
            closing = "" if closing in line else closing
        elif line.startswith("["):
            tables.append({})
        elif not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            value = value.strip()
            if value[:3] in ('"""', "'''") and value.count(value[:3]) == 1:
                closing = value[:3]
            else:
                tables[-1][key.strip().strip("\"'")] = _quoted(value)
    return tables


def _first(table: dict[str, list[str]], key: str) -> str:
    found = table.get(key)
    return found[0].strip() if found else ""


def _quoted(text: str) -> list[str]:
    """The quoted strings in one TOML value, up to a comment: "a", 'b', ["c", 'd']."""
    found: list[str] = []
    i = 0
    while i < len(text) and text[i] != "#":
        quote = text[i]
        i += 1
        if quote not in "\"'":
            continue
        chars: list[str] = []
        while i < len(text) and text[i] != quote:
            if quote == '"' and text[i] == "\\":
                escaped, i = _escape(text, i + 1)
                chars.append(escaped)
            else:
                chars.append(text[i])
                i += 1
        found.append("".join(chars))
        i += 1
    return found


_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


def _escape(text: str, i: int) -> tuple[str, int]:
    """The character a TOML escape at text[i] (after its backslash) stands for, and where
    the text goes on."""
    code = text[i : i + 1]
    digits = {"u": 4, "U": 8}.get(code, 0)
    if digits:
        try:
            return chr(int(text[i + 1 : i + 1 + digits], 16)), i + 1 + digits
        except ValueError:  # not an escape TOML knows: the loader will say so
            pass
    return _ESCAPES.get(code, code), i + 1
