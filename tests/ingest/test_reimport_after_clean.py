"""Re-importing after cleaning keeps the cleaning; only what the source changed is written."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from candidly.ingest import import_file
from candidly.journey import load_journey
from candidly.quality.clean import clean_store
from candidly.store import Candidate, Event
from candidly.store.db import Database

HEADER = "id,first_name,last_name,email,phone,source\n"


def test_an_unchanged_file_does_not_undo_the_cleaning(db: Database, tmp_path: Path) -> None:
    export = tmp_path / "people.csv"
    export.write_text(HEADER + "P1,MARY,MCDONALD,Mary@Example.COM,(415) 555-0134,LinkedIn Jobs\n")
    import_file(db, export)
    clean_store(db, load_journey())
    report = import_file(db, export)
    assert (report.updated, report.unchanged) == (0, 1)
    with db.session() as s:
        mary = s.scalars(select(Candidate)).one()
        assert (mary.first_name, mary.email, mary.phone, mary.source_channel) == (
            "Mary",
            "mary@example.com",
            "+14155550134",
            "linkedin",
        )
        assert (
            s.scalar(
                select(func.count()).select_from(Event).where(Event.type == "candidate.updated")
            )
            == 0
        )


def test_a_field_the_source_changed_is_updated_and_the_rest_stay_clean(
    db: Database, tmp_path: Path
) -> None:
    export = tmp_path / "people.csv"
    export.write_text(HEADER + "P1,MARY,MCDONALD,Mary@Example.COM,(415) 555-0134,LinkedIn Jobs\n")
    import_file(db, export)
    clean_store(db, load_journey())
    export.write_text(
        HEADER + "P1,MARY,MCDONALD,mary.mcd@example.org,(415) 555-0134,LinkedIn Jobs\n"
    )
    report = import_file(db, export)
    assert report.updated == 1
    with db.session() as s:
        mary = s.scalars(select(Candidate)).one()
        assert mary.email == "mary.mcd@example.org"  # the source moved this one
        assert (mary.first_name, mary.last_name, mary.phone) == ("Mary", "McDonald", "+14155550134")
        (event,) = s.scalars(select(Event).where(Event.type == "candidate.updated")).all()
        assert set(event.payload["changes"]) == {"email"}
