"""Data quality: the audit, standardization onto the taxonomies, and duplicate detection and merging."""
