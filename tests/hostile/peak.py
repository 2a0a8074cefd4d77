"""Run a command and write its own peak memory (KiB) to a file: ``python peak.py OUT CMD...``.

Linux folds the memory high-water mark of a process into its child at fork and
keeps it across exec, so a command started straight from a large test process
would report the test process's peak. Started from this small program instead
(itself a fresh interpreter), the command's reading is its own.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    out, command = sys.argv[1], sys.argv[2:]
    pid = os.fork()
    if pid == 0:  # the command
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    with open(out, "w", encoding="ascii") as handle:
        handle.write(str(usage.ru_maxrss))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
