"""The data spec (one source of truth) and its JSON Schema."""
