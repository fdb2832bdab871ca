"""Several processes writing one SQLite store queue on its lock instead of failing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from candidly.store import Event
from candidly.store.db import Database

WRITER = """
import sys
from candidly.store.db import open_database
from candidly.store.events import record_event
db = open_database(sys.argv[1])
for i in range(int(sys.argv[3])):
    with db.session() as s:
        # Read, then write, in one transaction: the pattern that fails with "database is locked"
        # under deferred transactions when another process writes in between.
        s.execute(__import__("sqlalchemy").text("SELECT count(*) FROM events")).scalar()
        record_event(s, "test.write", source=sys.argv[2], external_id=f"{sys.argv[2]}-{i}")
"""


def test_four_processes_writing_at_once_lose_nothing(db: Database, tmp_path: Path) -> None:
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    url = db.url
    writers = [
        subprocess.Popen([sys.executable, str(script), url, f"w{n}", "150"], stderr=subprocess.PIPE)
        for n in range(4)
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 600
