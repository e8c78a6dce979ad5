"""Writing output atomically: build in a temporary folder beside the target, then swap it in."""
