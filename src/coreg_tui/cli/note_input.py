"""A note that need not pass through the command line.

Other people on a shared machine can read every process's arguments (`ps`, or
/proc/PID/cmdline), so `--note "..."` shows them the words for as long as the
command runs. `--note -` reads the note from standard input instead, and
`--edit` writes it in $VISUAL or $EDITOR, on a private temporary file (0600, in
a 0700 folder of its own) that is removed as soon as the editor closes.
"""

from __future__ import annotations

import os
import sys

NOTE_LIMIT = 1 << 20  # a megabyte of words is a long note; more is refused


def note_from(note: str | None, edit: bool, current: str = "") -> str | None:
    """The note the person gave: as typed, from standard input (`-`), or from the editor
    (starting from `current`); None when they gave none."""
    from coreg_tui.core.errors import InputError

    if edit and note is not None:
        raise InputError("give --note or --edit, not both")
    if edit:
        return _edited(current)
    if note == "-":
        return _from_stdin()
    return note


def _from_stdin() -> str:
    from coreg_tui.core.errors import InputError

    if sys.stdin.isatty():
        sys.stderr.write("Write the note, then press Ctrl-D on a line of its own:\n")
        sys.stderr.flush()
    from coreg_tui.cli.streams import utf8_stdin

    try:
        with utf8_stdin() as stream:
            text = stream.read(NOTE_LIMIT + 1)
    except UnicodeDecodeError:
        raise InputError("the note on standard input is not UTF-8 text") from None
    except KeyboardInterrupt:
        raise InputError("no note was given (Ctrl-C); nothing was kept") from None
    if len(text) > NOTE_LIMIT:
        raise InputError("the note on standard input is longer than a megabyte")
    return text


def _editor() -> list[str]:
    import shlex
    import shutil

    from coreg_tui.core.errors import InputError

    for name in ("VISUAL", "EDITOR"):
        if value := os.environ.get(name, "").strip():
            try:
                return shlex.split(value)
            except ValueError as exc:
                raise InputError(f"{name}={value!r} cannot be read as a command ({exc})") from None
    for fallback in ("nano", "vi"):
        if shutil.which(fallback):
            return [fallback]
    raise InputError("no editor found; set EDITOR (such as EDITOR=nano), or use --note -")


def _edited(current: str) -> str:
    import shutil
    import subprocess
    import tempfile

    from coreg_tui.core.errors import InputError

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise InputError(
            "--edit needs a terminal for the editor; here, give the note on standard "
            "input with -n -"
        )
    editor = _editor()
    # XDG_RUNTIME_DIR is the person's own, in memory; elsewhere a private folder in /tmp.
    base = os.environ.get("XDG_RUNTIME_DIR") or None
    if base is not None and not os.path.isdir(base):
        base = None
    folder = tempfile.mkdtemp(prefix="coreg-note-", dir=base)  # 0700
    path = os.path.join(folder, "note.txt")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(current)
        try:
            done = subprocess.run([*editor, path], check=False)
        except OSError as exc:
            raise InputError(
                f"the editor {editor[0]!r} could not be started ({exc.strerror})"
            ) from None
        if done.returncode != 0:
            raise InputError(
                f"the editor ended with an error ({done.returncode}); nothing was kept"
            )
        from pathlib import Path

        from coreg_tui.files import describe, read_regular

        try:
            return read_regular(Path(path), NOTE_LIMIT).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the note is not UTF-8 text; nothing was kept") from None
        except OSError as exc:  # gone, or something other than a file, or too long
            raise InputError(
                f"the note could not be read ({describe(exc)}); nothing was kept"
            ) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
