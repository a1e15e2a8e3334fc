"""The commands and options as TAB sees them: names, what each takes, and a line on each.

Completion answers before the CLI library loads, so this is written out by hand;
tests/cli/test_completion.py holds it against the real Typer commands, so a command,
option or first sentence of help changed there and not here fails a test at once.
Nothing here imports anything: a shell asking what TAB offers pays only for this.
"""

from __future__ import annotations

# What a value completes as: one of these kinds, or a tuple of the choices themselves.
FLAG = "flag"  # takes no value
TEXT = "text"  # a value only the person knows (a note, a number, an entry id)
STATE = "state"  # ventral, sympathetic, dorsal and the everyday words for them
PRESET = "preset"  # a breathing preset's name or alias
PRACTICE = "practice"  # a practice id, built-in or the person's own
FILE = "file"
DIR = "dir"
SHELLS = ("bash", "zsh", "fish")

Value = str | tuple[str, ...]
HELP = (("-h", "--help", FLAG),)


class Command:
    """One command or group: its first line of help, options, arguments and subcommands."""

    __slots__ = ("about", "arguments", "long_names", "options", "subcommands")

    def __init__(
        self,
        about: str,
        options: tuple[tuple[str, ...], ...] = (),
        arguments: tuple[Value, ...] = (),
        subcommands: dict[str, Command] | None = None,
    ) -> None:
        self.about = about
        self.arguments = arguments
        # each option's names (long and short) with what its value completes as
        self.options: dict[str, Value] = {
            name: names[-1] for names in (*options, *HELP) for name in names[:-1]
        }
        # each option's names with the first of them: -t is --tag (cli/direct.py)
        self.long_names: dict[str, str] = {
            name: names[0] for names in (*options, *HELP) for name in names[:-1]
        }
        self.subcommands = subcommands or {}


SESSION = (("--plain", FLAG), ("--no-color", FLAG))
AROUND = (("--before", STATE), ("--after", STATE))
RANGE = (("--since", TEXT), ("--until", TEXT))
FILTERS = (*RANGE, ("--state", "-s", STATE), ("--tag", "-t", TEXT))
CHECKIN = (
    ("--intensity", "-i", TEXT),
    ("--note", "-n", TEXT),
    ("--edit", "-e", FLAG),
    ("--tag", "-t", TEXT),
    ("--body", "-b", TEXT),
    ("--with", "-w", TEXT),
    ("--at", TEXT),
)
JSON = (("--json", FLAG),)
WRITE_TO = (("--output", "-o", FILE), ("--force", FLAG))

# In the order `coreg --help` lists them (cli/app.py COMMANDS).
COMMANDS: dict[str, Command] = {
    "sos": Command(
        "Help right now: a few calm lines and where to find help, slow breathing, then "
        "grounding one step at a time.",
        SESSION,
    ),
    "log": Command(
        "Note how your nervous system is right now: a check-in in one line.", CHECKIN, (STATE,)
    ),
    "breathe": Command(
        "Breathe with a pacer: it grows as you breathe in and shrinks as you breathe out.",
        (
            ("--cycles", "-c", TEXT),
            ("--minutes", "-m", TEXT),
            ("--from", PRESET),
            ("--ramp", TEXT),
            ("--sync", FLAG),
            ("--plain", FLAG),
            ("--bell", FLAG),
            ("--no-color", FLAG),
            *AROUND,
            ("--no-log", FLAG),
        ),
        (PRESET,),
    ),
    "list": Command(
        "Your check-ins and practices, newest first.",
        (*FILTERS, ("--search", "-q", TEXT), ("--limit", "-l", TEXT), *JSON),
    ),
    "show": Command("One entry, in full.", (), (TEXT,)),
    "edit": Command(
        "Change an entry: what you give replaces what was there (tags and cues as a whole).",
        (("--state", "-s", STATE), *CHECKIN, ("--after", STATE)),
        (TEXT,),
    ),
    "delete": Command(
        "Delete an entry for good (its words are overwritten on disk).",
        (("--yes", "-y", FLAG),),
        (TEXT,),
    ),
    "export": Command(
        "Write the journal out, oldest first: markdown to read, JSON to keep, CSV for sheets.",
        (
            ("--format", "-f", ("markdown", "json", "csv", "ndjson")),
            *WRITE_TO,
            *FILTERS,
            ("--front-matter", FLAG),
            ("--encrypt", FLAG),
        ),
    ),
    "import": Command("Bring entries in from a JSON file.", (), (FILE,)),
    "practices": Command(
        "The practices coreg offers, yours included.", (("--state", "-s", STATE), *JSON)
    ),
    "suggest": Command(
        "The practices that fit how you are, best first.",
        (("--intensity", "-i", TEXT), ("--with", "-w", TEXT), ("--why", FLAG), *JSON),
        (STATE,),
    ),
    "practice": Command(
        "Do a practice: breathing with the pacer, or one gentle step at a time (Enter moves "
        "on, Ctrl-C ends it).",
        (
            ("--plain", FLAG),
            ("--minutes", "-m", TEXT),
            *AROUND,
            ("--no-log", FLAG),
            ("--no-color", FLAG),
        ),
        (PRACTICE,),
    ),
    "patterns": Command("List the breathing presets with their timings.", JSON),
    "paths": Command("Where coreg keeps your journal, config and your own practices.", JSON),
    "check": Command(
        "Read the whole journal and say whether it is sound (exit 1 if it is damaged)."
    ),
    "recover": Command(
        "Copy every entry that can still be read from a damaged journal into a new one.",
        (),
        (FILE,),
    ),
    "lock": Command(
        "Encrypt the journal with a passphrase (asked twice, never shown).",
        (("--change", FLAG),),
    ),
    "unlock": Command("Turn a locked journal back into a plain one (its passphrase is asked for)."),
    "stats": Command(
        "How your states spread over days, hours and company, and what helped.",
        (*RANGE, ("--all", FLAG), *JSON),
    ),
    "report": Command(
        "A Markdown report of a week, a month or any range: to keep, or to bring to a therapist.",
        (("--week", FLAG), ("--month", FLAG), *RANGE, *WRITE_TO),
    ),
    "completion": Command("Print the TAB completion script for bash, zsh or fish.", (), (SHELLS,)),
    "together": Command(
        "Breathe together, live, from anywhere: one person hosts, others join with a code.",
        subcommands={
            "host": Command(
                "Host a circle: prints the command others run to join, then leads the breathing.",
                (
                    ("--name", TEXT),
                    ("--lan", FLAG),
                    ("--port", TEXT),
                    ("--cycles", "-c", TEXT),
                    ("--minutes", "-m", TEXT),
                    ("--start-in", TEXT),
                    ("--max", TEXT),
                    ("--plain", FLAG),
                    *AROUND,
                    ("--no-log", FLAG),
                ),
                (PRESET,),
            ),
            "join": Command(
                "Join a circle with the code its host gave you, and breathe in step with everyone.",
                (
                    ("--name", TEXT),
                    ("--share-state", FLAG),
                    ("--plain", FLAG),
                    *AROUND,
                    ("--no-log", FLAG),
                ),
                (TEXT,),
            ),
        },
    ),
    "content": Command(
        "Tools for people who write practices.",
        subcommands={
            "check": Command(
                "Check every practice file in a folder and report every problem at once.",
                (),
                (DIR,),
            )
        },
    ),
    "config": Command(
        "Your settings: config.toml, in the folder 'coreg config path' names.",
        subcommands={
            "check": Command(
                "Check config.toml: exit 0 when it is good, 2 with every problem listed."
            ),
            "path": Command(
                "Print where config.toml is (or would be), for an editor: "
                '$EDITOR "$(coreg config path)".'
            ),
        },
    ),
}

ROOT = Command("", (("--version", "-V", FLAG),), subcommands=COMMANDS)
