"""The shipped configuration presets (``default``, ``strict``), read as package data."""
