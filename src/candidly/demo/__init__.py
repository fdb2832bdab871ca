"""A realistic, deterministic sample organisation: staff, jobs, candidates, history and defects.

``generate_organisation`` writes it into an empty store; ``demo_truth`` records every defect it
injected, so the cleaning and the analyses built on the data can be measured against the truth.
See docs/demo.md.
"""

from candidly.demo.errors import DemoError
from candidly.demo.generate import GenerationSummary, generate_organisation

__all__ = ["DemoError", "GenerationSummary", "generate_organisation"]
