"""``candidly library``: the commands a TA operations lead, a recruiter and compliance type."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from candidly.cli.main import app
from candidly.store.db import Database
from tests.library.conftest import ACK_SPEC
from tests.library.people import AUTHOR, COMPLIANCE, OUTSIDER, OWNER


def run(cli: CliRunner, *args: str, code: int = 0) -> str:
    result = cli.invoke(app, ["library", *args])
    assert result.exit_code == code, result.output
    return result.output


def test_a_template_goes_from_a_file_to_published_and_back_out_as_files(
    db: Database, cli: CliRunner, profiles: list[int], tmp_path: Path
) -> None:
    spec = tmp_path / "ack.yaml"
    spec.write_text(ACK_SPEC)
    assert "Wrote application_acknowledgment@1 (draft)" in run(
        cli, "new", "-f", str(spec), "--by", AUTHOR
    )
    dry = run(cli, "test", "application_acknowledgment", "--quiet")  # no --by: a dry run
    assert "10 of 10 profiles passed." in dry and "now tested" not in dry
    run(cli, "submit", "application_acknowledgment", "--by", AUTHOR)
    tested = run(cli, "test", "application_acknowledgment@1", "--profiles", "10", "--by", AUTHOR)
    assert "10 of 10 profiles passed." in tested
    assert "application_acknowledgment@1 is now tested." in tested
    assert "│ Hi there," in tested and "missing, so the text fell back: first_name" in tested
    assert "personalization" in tested and "words" in tested
    refused = run(cli, "approve", "application_acknowledgment", "--by", OUTSIDER, code=1)
    assert "otto@acme.test is interviewer" in refused
    run(cli, "approve", "application_acknowledgment", "--by", COMPLIANCE)
    assert "published." in run(cli, "publish", "application_acknowledgment", "--by", OWNER)

    body = tmp_path / "body.txt"
    body.write_text(
        "Hi {% if first_name %}{{ first_name }}{% else %}there{% endif %},\n\nThanks for applying for {{ job_title }}.\n"
    )
    run(cli, "edit", "application_acknowledgment", "--body", str(body), "--by", AUTHOR)
    diff = run(cli, "show", "application_acknowledgment@2", "--diff")
    assert (
        "--- application_acknowledgment@1" in diff
        and "+  Thanks for applying for {{ job_title }}." in diff
    )
    listing = run(cli, "list")
    assert "application_acknowledgment" in listing and "@1" in listing and "@2 draft" in listing
    assert "No entry is due for review." in run(cli, "review-due")
    assert "next is due" in run(cli, "reviewed", "application_acknowledgment", "--by", OWNER)
    assert "application_acknowledgment" in run(cli, "review-due", "--all")

    out = tmp_path / "library"
    assert "Wrote 1 entries and people.yaml" in run(cli, "export", str(out))
    assert "Nothing to import" in run(cli, "import", str(out), "--by", OWNER)
    shown = run(cli, "show", "application_acknowledgment@1", "--json")
    assert '"state": "published"' in shown and '"step": "reviewed"' in shown


def test_the_commands_explain_what_went_wrong(
    db: Database, cli: CliRunner, profiles: list[int], tmp_path: Path
) -> None:
    spec = tmp_path / "ack.yaml"
    spec.write_text(ACK_SPEC.replace("optional_fields: [", "optional_fields: [salary_band, "))
    bad = run(cli, "new", "-f", str(spec), "--by", AUTHOR, code=1)
    assert f"{spec}:5: optional_fields[0]: unknown candidate field 'salary_band'" in bad
    spec.write_text(ACK_SPEC.replace("Thank you", "{{ first_name }}, thank you"))
    run(cli, "new", "-f", str(spec), "--by", AUTHOR)
    assert "no user with email 'ghost@acme.test'" in run(
        cli, "submit", "application_acknowledgment", "--by", "ghost@acme.test", code=1
    )
    published_too_early = run(cli, "publish", "application_acknowledgment", "--by", OWNER, code=1)
    assert "only a compliance-approved version can be published" in published_too_early
    run(cli, "submit", "application_acknowledgment", "--by", AUTHOR)
    failed = run(cli, "test", "application_acknowledgment", "--by", AUTHOR, "--quiet", code=1)
    assert "'first_name' is missing for this candidate" in failed
    assert "Gate not passed" in failed and "stays submitted" in failed
    assert "has no entry 'offer_letter'" in run(cli, "show", "offer_letter", code=1)
