"""The governed template library: versioned templates, their lifecycle, the test gate, and files.

Importing this package registers the library's tables with the store's metadata. Only the
models load eagerly: ``candidly.store.models`` imports them, and the rest of the library imports
the store, so everything else here loads on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from candidly.library.models import ANY_ROLE, LibraryEntry, TemplateVersion, entry_key

if TYPE_CHECKING:
    from candidly.library.rules import LibraryError
    from candidly.library.spec import LibraryFileError
    from candidly.library.versions import (
        find_entry,
        find_user,
        find_version,
        published_version,
        require_sendable,
    )

_LAZY = {
    "LibraryError": "candidly.library.rules",
    "LibraryFileError": "candidly.library.spec",
    "find_entry": "candidly.library.versions",
    "find_user": "candidly.library.versions",
    "find_version": "candidly.library.versions",
    "published_version": "candidly.library.versions",
    "require_sendable": "candidly.library.versions",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'candidly.library' has no attribute {name!r}")


__all__ = [
    "ANY_ROLE",
    "LibraryEntry",
    "LibraryError",
    "LibraryFileError",
    "TemplateVersion",
    "entry_key",
    "find_entry",
    "find_user",
    "find_version",
    "published_version",
    "require_sendable",
]
