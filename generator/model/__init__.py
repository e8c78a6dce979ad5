"""The domain model (types), its construction from checked files (build) and overlays (resolve)."""
