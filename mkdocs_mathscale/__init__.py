"""MkDocs plugin that fits every display equation to its column, on any screen."""
