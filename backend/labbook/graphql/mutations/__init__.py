"""Mutations, one module per area, merged into the `Mutation` root in `schema.py`."""
