"""niemyet: Vietnamese administrative procedures from YAML to a public site and posting sheets."""

__version__ = "0.1.0"
