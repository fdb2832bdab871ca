"""Composing drafts: a candidate's context, sandboxed rendering, optional LLM providers."""
