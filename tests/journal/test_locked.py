"""A locked journal, through the installed command on real SQLCipher files in a
temporary COREG_HOME: lock, unlock, change, a wrong passphrase, a lock killed at random
moments, and after each step a scan of every byte under COREG_HOME for a note's words.
The agent's memory is tested on a fake clock."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coreg_tui.journal.agent import Remembered
from tests.installed import COREG, coreg

WORD = "Quillfeather"  # a note's word, found nowhere on disk while the journal is locked
PASS, NEW = "correct horse battery", "another long passphrase"


@pytest.fixture
def home(coreg_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home whose agent lives in this test's own runtime folder and remembers nothing
    (lock_timeout = 0), unless a test asks it to."""
    import shutil
    import tempfile

    # Short, as a real runtime folder is (/run/user/1000): a socket's name is limited
    # to about 100 bytes, and the agent stays away from a longer one.
    runtime = Path(tempfile.mkdtemp(prefix="r", dir="/tmp"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    (coreg_home / "config").mkdir(exist_ok=True)
    (coreg_home / "config" / "config.toml").write_text("lock_timeout = 0\n")
    yield coreg_home
    shutil.rmtree(runtime, ignore_errors=True)


def secret(home: Path, name: str, text: str) -> str:
    path = home / name
    path.write_text(text + "\n")
    path.chmod(0o600)
    return str(path)


def words_on_disk(home: Path, word: str = WORD) -> list[Path]:
    """Every file under the home that holds `word`, in any case, anywhere in its bytes."""
    found = []
    for path in home.rglob("*"):
        if path.is_file() and word.lower().encode() in path.read_bytes().lower():
            found.append(path)
    return found


def run(
    *args: str, key: str | None = None, new: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {}
    if key is not None:
        env["COREG_PASSPHRASE_FILE"] = key
    if new is not None:
        env["COREG_NEW_PASSPHRASE_FILE"] = new
    return coreg(*args, env=env)


def journal(home: Path) -> Path:
    return home / "data" / "journal.sqlite3"


def test_lock_list_change_and_unlock_keep_every_entry_and_no_word_on_disk(home: Path) -> None:
    key, new = secret(home, "pass", PASS), secret(home, "new", NEW)
    assert run("log", "anxious", "-i", "6", "-n", f"{WORD} at work").returncode == 0
    assert words_on_disk(home)  # plain: the word is in the file (the test can see it)

    locked = run("lock", key=key)
    assert locked.returncode == 0, locked.stderr
    assert "no way to recover it without one" in locked.stderr  # said plainly, first
    assert not journal(home).read_bytes().startswith(b"SQLite format 3")
    assert words_on_disk(home) == []

    assert run("log", "calm", "-n", f"{WORD} again", key=key).returncode == 0
    assert words_on_disk(home) == []  # a new entry's words are encrypted too
    listed = run("list", key=key)
    assert listed.returncode == 0 and listed.stdout.count(WORD) == 2

    changed = run("lock", "--change", key=key, new=new)
    assert changed.returncode == 0, changed.stderr
    assert run("list", key=key).returncode == 1  # the old passphrase opens nothing now
    assert run("list", key=new).stdout.count(WORD) == 2
    assert words_on_disk(home) == []

    unlocked = run("unlock", key=new)
    assert unlocked.returncode == 0, unlocked.stderr
    assert journal(home).read_bytes().startswith(b"SQLite format 3")
    assert run("list").stdout.count(WORD) == 2


def test_a_deleted_entrys_words_are_in_no_file_of_a_locked_journal(home: Path) -> None:
    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", "nothing much")
    assert run("lock", key=key).returncode == 0
    noted = run("log", "dorsal", "-n", f"{WORD} was here", key=key)
    short_id = noted.stdout.split("(")[-1].rstrip(").\n")
    assert run("delete", short_id, "--yes", key=key).returncode == 0
    assert WORD not in run("list", key=key).stdout
    assert words_on_disk(home) == []


def test_a_wrong_passphrase_is_one_line_and_exit_1_with_the_file_untouched(home: Path) -> None:
    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", WORD)
    run("lock", key=key)
    before = hashlib.sha256(journal(home).read_bytes()).hexdigest()
    wrong = run("list", key=secret(home, "wrong", "not the passphrase"))
    assert wrong.returncode == 1
    assert wrong.stderr.count("\n") == 1 and "does not open the journal" in wrong.stderr
    assert "ERROR" not in wrong.stderr and "hmac" not in wrong.stderr  # no library noise
    assert hashlib.sha256(journal(home).read_bytes()).hexdigest() == before
    nobody = run("list")  # no terminal, no file, no command: it cannot ask
    assert nobody.returncode == 1 and "is locked" in nobody.stderr


def test_a_passphrase_file_others_can_read_is_refused(home: Path) -> None:
    key = secret(home, "pass", PASS)
    run("lock", key=key)
    Path(key).chmod(0o644)
    refused = run("list", key=key)
    assert refused.returncode == 1 and "chmod 600" in refused.stderr


@pytest.mark.parametrize("seed", range(6))
def test_a_lock_killed_at_any_moment_leaves_the_old_journal_or_the_new(
    home: Path, seed: int
) -> None:
    from coreg_tui.journal.store import Journal
    from tests.journal.builders import entry

    key = secret(home, "pass", PASS)
    path = journal(home)
    with Journal.open(path) as j:
        j.add_many(entry(i, note=f"{WORD} {i}") for i in range(4000))
    env = {**os.environ, "COREG_PASSPHRASE_FILE": key}
    proc = subprocess.Popen(
        [str(COREG), "lock"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(random.Random(seed).uniform(0.2, 1.6))  # the derivation, the copy, the rename
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    is_plain = path.read_bytes().startswith(b"SQLite format 3")
    listed = run("check", key=None if is_plain else key)
    assert listed.returncode == 0, (is_plain, listed.stdout, listed.stderr)
    count = run("stats", "--json", "--all", key=None if is_plain else key)
    assert count.returncode == 0
    if not is_plain:  # once it has been used, no plain copy is left beside it
        assert run("log", "calm", key=key).returncode == 0
        assert words_on_disk(home) == []
    again = run("lock", key=key) if is_plain else run("lock", "--change", key=key, new=key)
    assert again.returncode == 0, again.stderr  # and it can be locked after all
    assert "4,00" in again.stdout  # every entry (and the one logged since)


def test_the_agent_remembers_a_key_until_its_time_is_up() -> None:
    kept = Remembered()
    kept.put("salt", "key", now=100.0, for_s=900.0)
    assert kept.get("salt", now=999.9) == "key"
    assert kept.get("other", now=500.0) is None
    assert kept.get("salt", now=1000.0) is None  # fifteen minutes after it was given
    assert kept.empty(now=1000.0)
    kept.put("salt", "key", now=0.0, for_s=60.0)
    kept.forget()
    assert kept.empty(now=0.0)


def test_a_remembered_passphrase_is_not_asked_for_again_until_forgotten(home: Path) -> None:
    (home / "config" / "config.toml").write_text("lock_timeout = 1\n")
    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", WORD)
    try:
        assert run("lock", key=key).returncode == 0
        remembered = run("list")  # no passphrase given: the agent has the key
        assert remembered.returncode == 0 and WORD in remembered.stdout
        assert words_on_disk(home) == []
        sockets = list((Path(os.environ["XDG_RUNTIME_DIR"])).rglob("*.sock"))
        assert sockets and oct(sockets[0].parent.stat().st_mode & 0o777) == "0o700"
        assert run("lock").returncode == 0  # on a locked journal: forget it now
        assert run("list").returncode == 1
    finally:
        run("lock")


def test_the_companion_asks_for_the_passphrase_and_three_wrong_tries_end_calmly(
    home: Path,
) -> None:
    import asyncio

    from coreg_tui.journal import passphrase
    from coreg_tui.tui.app import CoregApp
    from coreg_tui.tui.screens.home import HomeScreen
    from coreg_tui.tui.screens.passphrase import PassphraseScreen
    from tests.clock import FakeClock
    from tests.tui.screen import flowing, screen_text

    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", WORD)
    assert run("lock", key=key).returncode == 0

    async def until(pilot: object, what: object) -> None:
        for _ in range(200):
            if what():  # type: ignore[operator]
                return
            await pilot.pause(0.05)  # type: ignore[attr-defined]
        raise AssertionError("not so")

    def session(tries: list[str]) -> str:
        app = CoregApp(clock=FakeClock(), ask_before=False)
        seen: list[str] = []

        async def steps() -> None:
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, PassphraseScreen))
                await pilot.pause(0.3)
                assert "Help now" in screen_text(app)  # help is never behind the prompt
                for said in tries:
                    await pilot.press(*said, "enter")
                    await pilot.pause(1.5)
                seen.append(flowing(screen_text(app)))
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(app.screen, HomeScreen))
                await pilot.pause(0.5)
                seen.append(flowing(screen_text(app)))

        asyncio.run(steps())
        passphrase.forget(journal(home))
        return "\n".join(seen)

    calm = session(["wrong one", "wrong two", "wrong three"])
    assert "nothing was changed" in calm and "Nobody can open a locked journal" in calm
    assert "Nothing noted yet today" not in calm  # the journal was not read
    opened = session(["correct horse battery"])
    assert "Nothing noted yet today" in opened.split("\n")[1]  # read, on the fake clock's day


def test_concurrent_writers_to_a_locked_journal_lose_and_double_nothing(home: Path) -> None:
    """As for a plain journal: four processes writing at once, every entry kept once
    (the key remembered by the agent, as a person logging through the day has it)."""
    (home / "config" / "config.toml").write_text("lock_timeout = 1\n")
    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", "first")
    try:
        assert run("lock", key=key).returncode == 0
        procs = [
            subprocess.Popen(
                [
                    "bash",
                    "-c",
                    f'for i in 1 2 3 4 5; do "{COREG}" log calm -n "w{w} $i" || exit 1; done',
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for w in range(4)
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        listed = run("export", "-f", "json").stdout
        for w in range(4):
            for i in range(1, 6):
                assert listed.count(f'"w{w} {i}"') == 1
    finally:
        run("lock")


WRITER = """
import sys
from datetime import datetime
from pathlib import Path
from coreg_tui.core.entries import checkin
from coreg_tui.core.states import State
from coreg_tui.journal.store import Journal
while True:
    j = Journal.open(Path(sys.argv[1]))
    e = checkin(datetime.now().astimezone(), State.VENTRAL, note="Quillfeather " * 30)
    j.add(e)
    print(e.id, flush=True)  # acknowledged only once the commit has returned
    j.close()
"""


def test_a_writer_killed_at_any_moment_leaves_a_sound_locked_journal(home: Path) -> None:
    import sys

    key = secret(home, "pass", PASS)
    run("log", "calm")
    assert run("lock", key=key).returncode == 0
    env = {**os.environ, "COREG_PASSPHRASE_FILE": key}
    acknowledged: set[str] = set()
    rng = random.Random(11)
    for _ in range(5):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(journal(home))],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        time.sleep(0.6 + rng.random() * 0.5)  # past the key's derivation, amid the writes
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        acknowledged.update(line for line in out.split() if len(line) == 36)
    assert acknowledged
    assert run("check", key=key).returncode == 0  # every page sound
    stored = run("export", "-f", "json", key=key).stdout
    assert all(entry_id in stored for entry_id in acknowledged)
    assert words_on_disk(home) == []


def test_a_locked_journals_migration_backup_is_locked_too(home: Path) -> None:
    from coreg_tui.journal.opening import _backup
    from coreg_tui.journal.store import Journal

    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", WORD)
    assert run("lock", key=key).returncode == 0
    os.environ["COREG_PASSPHRASE_FILE"] = key
    try:
        with Journal.open(journal(home)) as opened:
            assert opened.key is not None
            copy = _backup(opened.conn, journal(home), 3, opened.key)
        assert not copy.read_bytes().startswith(b"SQLite format 3")
        assert words_on_disk(home) == []
        from coreg_tui.journal import cipher

        reopened = cipher.connect(str(copy), opened.key)
        assert reopened.execute("SELECT count(*) FROM entries").fetchone()[0] == 1
        reopened.close()
    finally:
        del os.environ["COREG_PASSPHRASE_FILE"]


def test_a_rewrite_stopped_between_its_two_steps_leaves_the_journal_whole(home: Path) -> None:
    """Stopped after the old journal got its second name but before the new one took its
    place: the second name is the journal itself, and tidying must take only the name."""
    import shutil

    from coreg_tui.journal.guard import leftovers, tidy

    run("log", "calm", "-n", WORD)
    path = journal(home)
    fresh, _, before = leftovers(path)
    os.link(path, before)
    shutil.copy(path, fresh)  # a plain copy, half made
    tidy(path)
    assert not before.exists() and not fresh.exists()
    listed = run("list")
    assert listed.returncode == 0 and WORD in listed.stdout  # the journal untouched
    assert words_on_disk(home) == [path]  # the plain copy's words overwritten, not left


def test_the_key_is_argon2id_as_argon2_cffi_derives_it() -> None:
    from argon2.low_level import Type, hash_secret_raw

    from coreg_tui.journal import cipher

    salt = bytes(range(16))
    expected = hash_secret_raw(
        PASS.encode(),
        salt,
        time_cost=3,
        memory_cost=65536,
        parallelism=4,
        hash_len=32,
        type=Type.ID,
    )
    assert cipher.derive(PASS, salt) == cipher.Key(expected, salt)
    assert cipher.derive(NEW, salt).raw != expected


@pytest.mark.parametrize("operation", ["lock", "unlock", "change"])
def test_a_check_in_written_while_the_journal_is_rewritten_is_kept(
    home: Path, operation: str
) -> None:
    """A `coreg log` that comes while a lock, an unlock or a change of passphrase copies
    the journal waits for it (guard.py), then writes into the journal in place: never
    into the file being replaced, where it would be lost though it said "Noted"."""
    from coreg_tui.journal.store import Journal
    from tests.journal.builders import entry

    key = secret(home, "pass", PASS)
    with Journal.open(journal(home)) as j:
        j.add_many(entry(i, note="filler") for i in range(20000))
    if operation != "lock":
        assert run("lock", key=key).returncode == 0
    args = {"lock": ["lock"], "unlock": ["unlock"], "change": ["lock", "--change"]}[operation]
    env = {**os.environ, "COREG_PASSPHRASE_FILE": key, "COREG_NEW_PASSPHRASE_FILE": key}
    rewriting = subprocess.Popen(
        [str(COREG), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(0.35)  # past the key's derivation, into the copy
    noted = run("log", "calm", "-n", WORD, key=key)
    out, err = rewriting.communicate(timeout=60)
    assert rewriting.returncode == 0, err
    assert "Traceback" not in noted.stderr and "damaged" not in noted.stderr
    listed = run("export", "-f", "json", key=None if operation == "unlock" else key)
    if noted.returncode == 0:  # it said "Noted": it is there
        assert WORD in listed.stdout, (noted.stdout, out)
    else:  # else it said why in one line (the journal busy being rewritten)
        assert noted.stderr.count("\n") == 1, noted.stderr


def test_no_key_is_sent_to_a_socket_in_a_folder_others_can_enter(home: Path) -> None:
    """Where another user could have made the agent's folder (or could enter it), coreg
    sends it nothing, not even a question, and remembers nothing."""
    import socket
    import threading

    from coreg_tui.journal.agent import socket_path

    (home / "config" / "config.toml").write_text("lock_timeout = 5\n")
    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", WORD)
    where = socket_path(journal(home))
    where.parent.mkdir(mode=0o777)
    where.parent.chmod(0o777)  # as one made by another user in a shared folder would be
    heard: list[bytes] = []
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(where))
    listener.listen(4)
    listener.settimeout(0.2)

    def listen() -> None:
        for _ in range(100):  # bounded: 20 s at most
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                if stop.is_set():
                    return
                continue
            with conn:
                conn.settimeout(1)
                heard.append(conn.recv(4096))

    stop = threading.Event()
    thread = threading.Thread(target=listen)
    thread.start()
    try:
        assert run("lock", key=key).returncode == 0
        assert run("list", key=key).returncode == 0
        assert run("list").returncode == 1  # nothing was remembered anywhere
    finally:
        stop.set()
        thread.join(timeout=30)
        listener.close()
    assert heard == []


def test_a_plain_backup_left_beside_the_journal_is_locked_with_it(home: Path) -> None:
    """A private copy an older coreg left (or a stopped migration) holds words too: a
    lock writes it anew, locked, and deleting an entry still takes its words from it."""
    import shutil

    key = secret(home, "pass", PASS)
    noted = run("log", "calm", "-n", f"{WORD} kept in a backup")
    short_id = noted.stdout.split("(")[-1].rstrip(").\n")
    backup = journal(home).with_name("journal.sqlite3.v3-20260101T000001.000000Z.bak")
    shutil.copy(journal(home), backup)
    assert run("lock", key=key).returncode == 0
    assert words_on_disk(home) == []
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    assert run("delete", short_id, "--yes", key=key).returncode == 0
    from coreg_tui.journal import cipher

    copy = cipher.connect(str(backup), cipher.derive(PASS, cipher.salt_of(backup)))
    try:
        assert copy.execute("SELECT count(*) FROM entries").fetchone()[0] == 0  # scrubbed
    finally:
        copy.close()


def test_a_passphrase_command_is_read_at_once_and_never_reads_coregs_input(home: Path) -> None:
    """The first line it prints is the passphrase, read as soon as it is there (what the
    command leaves running is not waited for), and the note given on standard input is
    coreg's, not the command's."""
    key = secret(home, "pass", PASS)
    run("log", "calm")
    assert run("lock", key=key).returncode == 0
    command = f"""sh -c 'cat "{key}"; sleep 30 2>/dev/null &'"""
    (home / "config" / "config.toml").write_text(
        f'lock_timeout = 0\npassphrase_command = """{command}"""\n'
    )
    started = time.monotonic()
    noted = subprocess.run(
        [str(COREG), "log", "calm", "-n", "-"],
        input=f"{WORD} from standard input",
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert noted.returncode == 0, noted.stderr
    assert time.monotonic() - started < 10
    (home / "config" / "config.toml").write_text("lock_timeout = 0\n")
    assert WORD in run("list", key=key).stdout


@pytest.mark.parametrize("given", ["", PASS])
def test_help_now_never_asks_until_the_person_keeps_and_enter_alone_writes_nothing(
    home: Path, given: str
) -> None:
    """`coreg sos` on a locked journal: the care lines, breathing and grounding with no
    passphrase asked; only when the person chooses to keep it is the passphrase asked
    for, and Enter alone writes nothing."""
    from coreg_tui.content.texts import texts
    from tests.installed import Terminal

    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", WORD)
    assert run("lock", key=key).returncode == 0
    before = journal(home).read_bytes()
    term = Terminal(
        "sos", "--plain", size=(24, 100), env={"COREG_TIME_SCALE": "200"}, controlling=True
    )
    try:
        term.read_until(texts().sos.keep, timeout=60)
        assert "passphrase" not in term.text()  # nothing asked while help ran
        os.write(term.master, b"y\r")
        term.read_until("Enter alone writes nothing", timeout=20)
        os.write(term.master, given.encode() + b"\r")
        term.read_until("Nothing was written." if not given else "Kept", timeout=30)
        assert term.proc.wait(timeout=20) == 0
    finally:
        term.close()
    if not given:
        assert journal(home).read_bytes() == before
    else:
        assert "grounding" in run("list", key=key).stdout  # what help now did, kept
        assert words_on_disk(home) == []


def test_a_plain_backup_left_by_a_stopped_lock_goes_at_the_next_use(home: Path) -> None:
    """A lock stopped after the journal was in place but before it came to the backups
    leaves one plain beside a locked journal: the next command that opens the journal
    takes it away (overwritten first), with what its own rewrite left."""
    import shutil

    key = secret(home, "pass", PASS)
    run("log", "calm", "-n", WORD)
    plain = home / "plain copy"
    shutil.copy(journal(home), plain)
    assert run("lock", key=key).returncode == 0
    backup = journal(home).with_name("journal.sqlite3.v3-20260101T000001.000000Z.bak")
    shutil.copy(plain, backup)
    shutil.copy(plain, backup.with_name(backup.name + ".new"))
    plain.unlink()
    assert words_on_disk(home)  # as the stopped lock left it
    assert run("log", "calm", key=key).returncode == 0
    assert words_on_disk(home) == []
    assert not backup.exists()
