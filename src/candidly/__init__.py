"""candidly: every candidate hears from you at every stage — personal, prompt, accurate, governed."""

__version__ = "0.1.0"
