"""The ``candidly`` command: thin adapters over the packages, one module per command group."""
