"""The one error the sample organisation reports to people."""

from __future__ import annotations


class DemoError(Exception):
    """The sample organisation cannot be generated here; the message says what to do."""
