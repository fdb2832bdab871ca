"""Shared vocabularies: canonical stages, role types, skills and source channels.

The data lives here, once; ``quality`` maps messy values onto it, ``journey`` maps an
organisation's stage names onto the canonical stages, and ``demo`` draws from it.
"""
