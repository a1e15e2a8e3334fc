"""Text pictures shared by the CLI and the TUI: pure functions, no terminal I/O."""
