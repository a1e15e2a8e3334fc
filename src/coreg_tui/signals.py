"""The signals that end coreg the calm way, in the command line and the companion alike."""

import signal

# Each of these would end a process on the spot by default. coreg ends through its
# `finally` blocks instead: a half-written file removed, a session kept, the terminal
# given back. (Ctrl-C has its own way: KeyboardInterrupt, or a key in the companion.)
ENDING = (
    signal.SIGTERM,
    signal.SIGHUP,
    signal.SIGQUIT,
    signal.SIGUSR1,
    signal.SIGUSR2,
    signal.SIGALRM,
)
