"""Live circles: one person hosts, others join with a code, and everyone breathes on the
host's timeline. Nothing here is imported by any other command (tests/test_import_hygiene.py)."""
