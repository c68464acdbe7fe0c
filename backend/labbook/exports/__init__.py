"""Downloads built from stored data (CSV of an experiment's candidates)."""
