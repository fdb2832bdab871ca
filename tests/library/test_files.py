"""Library as code: export, import into an empty store, export again — the same files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from candidly.journey import Journey
from candidly.library import LibraryError, LibraryFileError, find_entry, find_user, find_version
from candidly.library import lifecycle as life
from candidly.library.export import export_library
from candidly.library.importer import import_library
from candidly.store import User
from candidly.store.db import Database, open_database
from tests.library.people import AUTHOR, OWNER
from tests.library.stories import act, edit, gate, take_to_published, write
from tests.library.test_lifecycle import OFFER_SPEC


def build_library(db: Database, journey: Journey) -> None:
    """Two entries with a history: published, replaced, a draft, a review, one awaiting compliance."""
    first = write(db, journey)
    take_to_published(db, journey, first)
    second = edit(db, journey, first, subject="Your application for {{ job_title }} is in")
    take_to_published(db, journey, second)
    edit(db, journey, second, tone="warmer")
    with db.session() as s:
        life.record_review(s, find_entry(s, first), find_user(s, OWNER))
    offer = write(db, journey, OFFER_SPEC)
    act(db, life.submit, offer, AUTHOR)
    assert gate(db, journey, offer).promoted


@pytest.fixture
def empty_store(sqlite_template: Path, tmp_path: Path) -> Database:
    """Another store with only the library's owner in it."""
    path = tmp_path / "empty.db"
    shutil.copyfile(sqlite_template, path)
    database = open_database(f"sqlite:///{path}")
    with database.session() as s:
        s.add(User(email=OWNER, full_name="Olga Brandt", role="ta_ops"))
    return database


def files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.iterdir())}


def test_export_then_import_into_an_empty_store_then_export_gives_the_same_files(
    db: Database, journey: Journey, profiles: list[int], empty_store: Database, tmp_path: Path
) -> None:
    build_library(db, journey)
    with db.session() as s:
        export_library(s, tmp_path / "a")
    exported = files(tmp_path / "a")
    assert sorted(exported) == [
        "application_acknowledgment.yaml",
        "offer_letter.yaml",
        "people.yaml",
    ]
    text = exported["application_acknowledgment.yaml"]
    assert "state: retired" in text and "state: published" in text and "step: reviewed" in text
    assert "body: |\n" in text  # templates stay readable in review
    with empty_store.session() as s:
        summary = import_library(s, journey, tmp_path / "a", find_user(s, OWNER))
        assert len(summary.versions_created) == 4
        assert summary.users_created == [AUTHOR]
    with empty_store.session() as s:
        export_library(s, tmp_path / "b")
        assert find_version(s, "application_acknowledgment@2").state == "published"
        assert find_version(s, "offer_letter@1").state == "tested"
        assert not s.query(User).filter_by(email=AUTHOR).one().is_active
    assert files(tmp_path / "b") == exported
    with empty_store.session() as s:
        assert not import_library(s, journey, tmp_path / "a", find_user(s, OWNER)).changed
    empty_store.dispose()


def test_import_adds_only_what_happened_since_and_refuses_a_changed_version(
    db: Database, journey: Journey, profiles: list[int], empty_store: Database, tmp_path: Path
) -> None:
    label = write(db, journey)
    with db.session() as s:
        export_library(s, tmp_path / "early")
    take_to_published(db, journey, label)
    with db.session() as s:
        export_library(s, tmp_path / "later")
    with empty_store.session() as s:
        import_library(s, journey, tmp_path / "early", find_user(s, OWNER))
    with empty_store.session() as s:
        summary = import_library(s, journey, tmp_path / "later", find_user(s, OWNER))
        assert summary.steps_added == 5 and not summary.versions_created
        assert find_version(s, label).state == "published"
    changed = tmp_path / "later" / "application_acknowledgment.yaml"
    changed.write_text(changed.read_text().replace("Thank you for applying", "Thanks for applying"))
    with (
        pytest.raises(LibraryFileError, match=r"versions are immutable"),
        empty_store.session() as s,
    ):
        import_library(s, journey, tmp_path / "later", find_user(s, OWNER))
    empty_store.dispose()


def test_import_checks_every_file_first_and_reports_problems_with_their_lines(
    sqlite_db: Database, journey: Journey, empty_store: Database, tmp_path: Path
) -> None:
    db = sqlite_db
    label = write(db, journey, OFFER_SPEC)
    act(db, life.submit, label, AUTHOR)
    gate(db, journey, label)
    with db.session() as s:
        export_library(s, tmp_path / "x")
    path = tmp_path / "x" / "offer_letter.yaml"
    text = path.read_text()
    # Someone edits the file to claim the author approved and published their own offer letter.
    text = text.replace("state: tested", "state: published")
    text += (
        "      - step: approved\n        by: rita@acme.test\n        role: recruiter\n"
        "        at: '2026-12-01T09:00:00+00:00'\n"
        "      - step: published\n        by: olga@acme.test\n        role: ta_ops\n"
        "        at: '2026-12-01T10:00:00+00:00'\n"
    )
    text = text.replace("tier: individual", "tier: auto")
    path.write_text(text)
    with pytest.raises(LibraryFileError) as caught, empty_store.session() as s:
        import_library(s, journey, tmp_path / "x", find_user(s, OWNER))
    messages = [f"{p.line}: {p.message}" for p in caught.value.problems]
    lines = text.splitlines()
    tier_line = next(i for i, line in enumerate(lines, 1) if "tier: auto" in line)
    assert any(m.startswith(f"{tier_line}: tier auto is weaker") for m in messages)
    assert any("authors cannot" in m for m in messages)
    with empty_store.session() as s:
        assert s.query(User).count() == 1  # nothing was written
        with pytest.raises(LibraryError, match=r"only admin, ta_ops may import"):
            import_library(
                s, journey, tmp_path / "x", User(email="x@y", role="recruiter", full_name="X")
            )
    empty_store.dispose()
