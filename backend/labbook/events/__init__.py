"""Live updates: typed events recorded by the store, published on commit, fanned out here."""
