"""The version, in a module of its own so that stages never import the package facade."""

__version__ = "0.1.0"
